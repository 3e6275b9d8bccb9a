/**
 * Goroutine label text and which labels to show.
 */

/** At most this many labels are shown in one scene. */
export const MAX_SHOWN_LABELS = 40;

/** With `--labels all`, every goroutine is labelled one by one when there are at most this many. */
export const MAX_ALL_LABELS = 300;

/** Names accepted by `--labels`, default first. */
export const LABEL_MODES = ['auto', 'all', 'main', 'none'] as const;

/**
 * Which labels to draw: `auto` the centre and the first few dozen by
 * creation, crowds sharing a name as one; `all` every goroutine (up to
 * {@link MAX_ALL_LABELS}, beyond that as `auto`); `main` only the centre;
 * `none` nothing.
 */
export type LabelMode = (typeof LABEL_MODES)[number];

/** Goroutines sharing a function name are labelled one by one up to this many; a bigger crowd gets one label. */
export const CROWD_SIZE = 6;

/** The fields of a goroutine that labelling looks at. */
export interface LabelSubject {
  id: number;
  name: string;
  createdNs: number;
}

/** A goroutine's label and whether it is drawn. */
export interface LabelPlan {
  text: string;
  shown: boolean;
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
  return tail.slice(dot + 1).replace(/\(\*([^)]*)\)/g, '$1').replace(/[()]/g, '');
}

/**
 * Plans every goroutine's label.
 *
 * Text: the short function name, with ` #id` added when a few goroutines
 * share it; a goroutine with no name is `g<id>`. When more than
 * {@link CROWD_SIZE} share a name, only the first of them is labelled, as
 * `name ×count` (`worker ×36`).
 *
 * Shown: the centre goroutine first, then in order of creation, up to
 * {@link MAX_SHOWN_LABELS}; `mode` changes that (see {@link LabelMode}).
 */
export function planLabels(subjects: readonly LabelSubject[], centreId: number | null, mode: LabelMode = 'auto'): Map<number, LabelPlan> {
  const everyone = mode === 'all' && subjects.length <= MAX_ALL_LABELS;
  const byCreation = [...subjects].sort((a, b) => a.createdNs - b.createdNs || a.id - b.id);
  const crowds = new Map<string, LabelSubject[]>();
  for (const subject of byCreation) {
    const short = shortFunctionName(subject.name);
    const crowd = crowds.get(short) ?? [];
    crowd.push(subject);
    crowds.set(short, crowd);
  }

  const plans = new Map<number, LabelPlan>();
  const candidates: LabelSubject[] = [];
  for (const [short, crowd] of crowds) {
    crowd.forEach((subject, index) => {
      const text = short === '' ? `g${subject.id}` : crowd.length > 1 ? `${short} #${subject.id}` : short;
      const isCrowd = !everyone && short !== '' && crowd.length > CROWD_SIZE;
      if (isCrowd && index === 0) {
        plans.set(subject.id, { text: `${short} ×${crowd.length}`, shown: false });
      } else {
        plans.set(subject.id, { text, shown: false });
      }
      if (!isCrowd || index === 0) {
        candidates.push(subject);
      }
    });
  }

  // The centre goes first, the rest by creation time, until the limit.
  candidates.sort((a, b) => rank(a, centreId) - rank(b, centreId) || a.createdNs - b.createdNs || a.id - b.id);
  const limit = mode === 'none' ? 0 : mode === 'main' ? (centreId === null ? 0 : 1) : everyone ? candidates.length : MAX_SHOWN_LABELS;
  for (const subject of candidates.slice(0, limit)) {
    if (mode === 'main' && subject.id !== centreId) {
      continue;
    }
    const plan = plans.get(subject.id);
    if (plan !== undefined) {
      plan.shown = true;
    }
  }
  return plans;
}

function rank(subject: LabelSubject, centreId: number | null): number {
  return subject.id === centreId ? 0 : 1;
}
