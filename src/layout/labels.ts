/**
 * Goroutine label text and which labels to show.
 */

/** Up to this many visible goroutines, every one gets a label. */
export const LABEL_ALL_LIMIT = 40;

/** The fields of a goroutine that labelling looks at. */
export interface LabelSubject {
  id: number;
  name: string;
  createdNs: number;
}

/**
 * Shortens a Go function name for a label: drops the import path and the
 * package, and the pointer-receiver decoration.
 *
 * `main.main` → `main`; `main.player` → `player`;
 * `github.com/acme/srv.(*Server).handle` → `Server.handle`;
 * `main.main.func1` → `main.func1`. Names that are not Go symbols
 * (`player #5`) come back trimmed but otherwise unchanged.
 */
export function shortFunctionName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') {
    return '';
  }

  // The package is everything up to the first dot after the last slash.
  const lastSlash = trimmed.lastIndexOf('/');
  const tail = trimmed.slice(lastSlash + 1);
  const dot = tail.indexOf('.');
  if (dot <= 0 || dot === tail.length - 1 || /\s/.test(tail.slice(0, dot))) {
    return trimmed;
  }

  const symbol = tail.slice(dot + 1).replace(/\(\*([^)]*)\)/g, '$1').replace(/[()]/g, '');
  if (symbol === 'main') {
    return 'main';
  }
  return symbol;
}

/**
 * Builds every goroutine's label: its short function name, with ` #id`
 * added when several visible goroutines share that name. A goroutine with
 * no name is called `g<id>`.
 */
export function labelTexts(subjects: readonly LabelSubject[]): Map<number, string> {
  const shortById = new Map<number, string>();
  const countByShort = new Map<string, number>();
  for (const subject of subjects) {
    const short = shortFunctionName(subject.name);
    shortById.set(subject.id, short);
    countByShort.set(short, (countByShort.get(short) ?? 0) + 1);
  }

  const labels = new Map<number, string>();
  for (const subject of subjects) {
    const short = shortById.get(subject.id) ?? '';
    if (short === '') {
      labels.set(subject.id, `g${subject.id}`);
    } else if ((countByShort.get(short) ?? 0) > 1) {
      labels.set(subject.id, `${short} #${subject.id}`);
    } else {
      labels.set(subject.id, short);
    }
  }
  return labels;
}

/**
 * Chooses which labels to draw. Up to {@link LABEL_ALL_LIMIT} goroutines:
 * all of them. Beyond that: the centre goroutine, then the earliest
 * goroutine of each distinct function name in order of creation, until the
 * limit is reached.
 */
export function chooseShownLabels(
  subjects: readonly LabelSubject[],
  centreId: number | null,
): Set<number> {
  if (subjects.length <= LABEL_ALL_LIMIT) {
    return new Set(subjects.map((subject) => subject.id));
  }

  const shown = new Set<number>();
  const seenNames = new Set<string>();
  const centre = subjects.find((subject) => subject.id === centreId);
  if (centre !== undefined) {
    shown.add(centre.id);
    seenNames.add(shortFunctionName(centre.name));
  }

  const byCreation = [...subjects].sort((a, b) => a.createdNs - b.createdNs || a.id - b.id);
  for (const subject of byCreation) {
    if (shown.size >= LABEL_ALL_LIMIT) {
      break;
    }
    const short = shortFunctionName(subject.name);
    if (seenNames.has(short)) {
      continue;
    }
    seenNames.add(short);
    shown.add(subject.id);
  }
  return shown;
}
