/**
 * Points in a trace given by the user: `50%`, `2.5s`, `120ms`, `300us`, `1500ns`.
 */

import { UsageError } from '../errors.ts';

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9 };
const PATTERN = /^(\d+(?:\.\d+)?|\.\d+)\s*(%|ns|us|µs|ms|s|m)?$/;

/** A point in the trace, absolute or relative to its length. */
export type TimeSpec = { kind: 'percent'; percent: number } | { kind: 'absolute'; timeNs: number };

/**
 * Parses a time such as `40%` → `{ kind: 'percent', percent: 40 }` or `2.5s`
 * → `{ kind: 'absolute', timeNs: 2_500_000_000 }`. A bare number is seconds.
 */
export function parseTimeSpec(text: string, optionName = '--at'): TimeSpec {
  const match = PATTERN.exec(text.trim());
  if (match === null) {
    throw new UsageError(`${optionName} '${text}': expected a time like 2.5s, 120ms or a percentage like 40%`);
  }
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  if (unit === '%') {
    if (value > 100) throw new UsageError(`${optionName} '${text}': a percentage must be between 0% and 100%`);
    return { kind: 'percent', percent: value };
  }
  return { kind: 'absolute', timeNs: Math.round(value * (UNIT_NS[unit] as number)) };
}

/** Resolves a spec against a trace of `durationNs`; a time past the end is an error that names the trace's length. */
export function resolveTimeSpec(spec: TimeSpec, durationNs: number, text: string, optionName = '--at'): number {
  if (spec.kind === 'percent') return Math.round((durationNs * spec.percent) / 100);
  if (spec.timeNs > durationNs) {
    throw new UsageError(`${optionName} ${text} is past the end of the trace, which lasts ${formatDurationNs(durationNs)}`);
  }
  return spec.timeNs;
}

/** A short human duration: `1.23 s`, `45.6 ms`, `789 µs`, `12 ns`. */
export function formatDurationNs(durationNs: number): string {
  if (durationNs >= 1e9) return `${trim(durationNs / 1e9)} s`;
  if (durationNs >= 1e6) return `${trim(durationNs / 1e6)} ms`;
  if (durationNs >= 1e3) return `${trim(durationNs / 1e3)} µs`;
  return `${durationNs} ns`;
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}
