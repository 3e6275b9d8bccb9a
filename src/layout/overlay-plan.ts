/**
 * What the flat overlay shows: title, subtitle, whether the time counter is
 * drawn, and a legend listing only the colours the scene really uses.
 */

import type { BlockReason, GoroutineState } from '../model.ts';
import type { LegendEntry, SceneArrow, SceneGoroutine, SceneOverlay, Theme } from '../scene/contract.ts';

/** Overlay settings as the user gives them. */
export interface OverlayOptions {
  title?: string;
  subtitle?: string;
  timeCounter?: boolean;
  legend?: boolean;
}

/** Legend rows for line colours, in this order; block reasons sharing a row share a text. */
const LINE_ROWS: ReadonlyArray<{ state: GoroutineState; reasons?: readonly BlockReason[]; text: string }> = [
  { state: 'running', text: 'running' },
  { state: 'runnable', text: 'runnable (waiting for a P)' },
  { state: 'blocked', reasons: ['chan send', 'chan receive'], text: 'blocked on a channel' },
  { state: 'blocked', reasons: ['select'], text: 'blocked in select' },
  { state: 'blocked', reasons: ['sync', 'sync.Cond'], text: 'blocked on sync' },
  { state: 'blocked', reasons: ['network'], text: 'waiting for the network' },
  { state: 'blocked', reasons: ['forever', 'gc', 'other'], text: 'blocked' },
  { state: 'syscall', text: 'in a system call' },
  { state: 'sleeping', text: 'sleeping' },
];

/** Builds the overlay for a laid-out scene. */
export function planOverlay(
  options: OverlayOptions,
  theme: Theme,
  goroutines: readonly SceneGoroutine[],
  arrows: readonly SceneArrow[],
): SceneOverlay {
  return {
    title: options.title?.trim() ?? '',
    subtitle: options.subtitle?.trim() ?? '',
    timeCounter: options.timeCounter ?? true,
    legend: options.legend === true ? legendEntries(theme, goroutines, arrows) : [],
  };
}

/** One row per colour in use: line states, message kinds, and the still-alive marker. */
export function legendEntries(theme: Theme, goroutines: readonly SceneGoroutine[], arrows: readonly SceneArrow[]): LegendEntry[] {
  const used = new Set<string>();
  for (const goroutine of goroutines) {
    for (const segment of goroutine.segments) {
      used.add(segment.state === 'blocked' ? `blocked:${segment.reason ?? 'other'}` : segment.state);
    }
  }

  // One row per colour: the first text listed for it wins.
  const entries: LegendEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: LegendEntry): void => {
    const key = `${entry.shape}\u0000${entry.colour}`;
    if (!seen.has(key)) {
      seen.add(key);
      entries.push(entry);
    }
  };
  for (const row of LINE_ROWS) {
    const keys = row.reasons === undefined ? [row.state] : row.reasons.map((reason) => `blocked:${reason}`);
    for (const key of keys.filter((candidate) => used.has(candidate))) {
      const reason = key.startsWith('blocked:') ? (key.slice('blocked:'.length) as BlockReason) : undefined;
      const colour = (reason === undefined ? undefined : theme.blockReasons[reason]) ?? theme.states[row.state];
      add({ colour, text: row.text, shape: 'line' });
    }
  }
  if (arrows.some((arrow) => arrow.kind === 'channel')) {
    add({ colour: theme.arrow, text: 'message', shape: 'arrow' });
  }
  if (arrows.some((arrow) => arrow.kind === 'sync')) {
    add({ colour: theme.syncArrow, text: 'sync wake-up', shape: 'arrow' });
  }
  if (goroutines.some((goroutine) => goroutine.alive)) {
    add({ colour: theme.alive, text: 'alive at the end', shape: 'marker' });
  }
  return entries;
}
