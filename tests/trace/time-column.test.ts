/** TimeColumn: shared bases per run of values, offsets either side of a base, and values too far for 32 bits. */
import { describe, expect, it } from 'vitest';
import { TimeColumn } from '../../src/trace/time-column.ts';

const SECOND = 1e9;

function pushed(column: TimeColumn, valueNs: number): number {
  column.now[0] = valueNs;
  return column.pushNow();
}

describe('TimeColumn', () => {
  it('gives back every value exactly across many runs', () => {
    const column = new TimeColumn();
    const values = Array.from({ length: 5000 }, (_, i) => 3 * SECOND + i * 1234 + (i % 7));
    values.forEach((value, i) => expect(pushed(column, value)).toBe(i));
    expect(column.length).toBe(5000);
    expect(Array.from({ length: 5000 }, (_, i) => column.get(i))).toEqual(values);
  });

  it('keeps values before their run’s first value and ones more than 2.1 s away from it', () => {
    const column = new TimeColumn();
    const values = [10 * SECOND, 8 * SECOND, 12.1 * SECOND, 7.8 * SECOND + 1, 0, 1e6 * SECOND + 3, 10 * SECOND + 1];
    for (const value of values) pushed(column, value);
    expect(values.map((_, i) => column.get(i))).toEqual(values);
  });

  it('keeps odd times just below 2^53 exact', () => {
    const column = new TimeColumn();
    // The run's base and a value 2 ns later: base + biased offset would pass 2^53 and round.
    const values = [2 ** 53 - 2 ** 30 - 1, 2 ** 53 - 2 ** 30 + 1];
    for (const value of values) pushed(column, value);
    expect(values.map((_, i) => column.get(i))).toEqual(values);
  });
});
