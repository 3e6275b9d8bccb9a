/**
 * The time counter's text: trace time in a unit that suits the whole
 * trace, with a fixed number of decimals so the text does not jump about.
 */

const UNITS: ReadonlyArray<{ name: string; ns: number }> = [
  { name: 's', ns: 1e9 },
  { name: 'ms', ns: 1e6 },
  { name: 'µs', ns: 1e3 },
  { name: 'ns', ns: 1 },
];

/** A trace is counted in the largest unit it lasts at least this many of. */
const MIN_UNITS_IN_TRACE = 2;

/**
 * Formats `timeNs` for a trace lasting `durationNs`: the unit is the
 * largest one the trace lasts at least two of, with two decimals below 10
 * units, one below 100 and none above.
 * E.g. (120 ms, of 1.1 s) → `t = 120 ms`; (1.25 s, of 2.5 s) → `t = 1.25 s`;
 * (3 µs, of 40 µs) → `t = 3.0 µs`.
 */
export function formatTraceTime(timeNs: number, durationNs: number): string {
  const unit = UNITS.find((candidate) => durationNs >= candidate.ns * MIN_UNITS_IN_TRACE) ?? { name: 'ns', ns: 1 };
  const span = durationNs / unit.ns;
  const decimals = unit.ns === 1 ? 0 : span < 10 ? 2 : span < 100 ? 1 : 0;
  return `t = ${(Math.max(0, timeNs) / unit.ns).toFixed(decimals)} ${unit.name}`;
}
