import { describe, expect, it } from 'vitest';

import { frameCountFor, frameProgress, frameTimeNs, snapGifFps } from '../../src/render/frame-clock.ts';
import { formatDurationNs, parseTimeSpec, resolveTimeSpec } from '../../src/render/time-spec.ts';

describe('frame clock', () => {
  it('counts frames from duration and rate, at least one', () => {
    expect(frameCountFor(8, 30)).toBe(240);
    expect(frameCountFor(0.01, 25)).toBe(1);
    expect(frameCountFor(2.5, 25)).toBe(63);
  });

  it('maps the first frame to time 0 and the last to the end of the trace', () => {
    expect(frameTimeNs(0, 11, 1_000_000_000)).toBe(0);
    expect(frameTimeNs(5, 11, 1_000_000_000)).toBe(500_000_000);
    expect(frameTimeNs(10, 11, 1_000_000_000)).toBe(1_000_000_000);
    expect(frameProgress(0, 1)).toBe(1);
  });

  it('snaps GIF rates to whole-centisecond delays', () => {
    expect(snapGifFps(30)).toBe(25);
    expect(snapGifFps(60)).toBe(50);
    expect(snapGifFps(25)).toBe(25);
    expect(snapGifFps(12)).toBe(10);
    expect(snapGifFps(15)).toBe(20);
  });
});

describe('time specs', () => {
  it('parses percentages, units, and bare seconds', () => {
    expect(parseTimeSpec('40%')).toEqual({ kind: 'percent', percent: 40 });
    expect(parseTimeSpec('2.5s')).toEqual({ kind: 'absolute', timeNs: 2_500_000_000 });
    expect(parseTimeSpec('120ms')).toEqual({ kind: 'absolute', timeNs: 120_000_000 });
    expect(parseTimeSpec('300us')).toEqual({ kind: 'absolute', timeNs: 300_000 });
    expect(parseTimeSpec('1.5')).toEqual({ kind: 'absolute', timeNs: 1_500_000_000 });
  });

  it('rejects nonsense and percentages over 100', () => {
    expect(() => parseTimeSpec('soon')).toThrowErrorMatchingInlineSnapshot(
      `[UsageError: --at 'soon': expected a time like 2.5s, 120ms or a percentage like 40%]`,
    );
    expect(() => parseTimeSpec('150%')).toThrowError(/between 0% and 100%/);
  });

  it('resolves against the trace length and refuses times past its end', () => {
    expect(resolveTimeSpec({ kind: 'percent', percent: 50 }, 1_000_000, '50%')).toBe(500_000);
    expect(() => resolveTimeSpec({ kind: 'absolute', timeNs: 2e9 }, 1.2e9, '2s')).toThrowErrorMatchingInlineSnapshot(
      `[UsageError: --at 2s is past the end of the trace, which lasts 1.2 s]`,
    );
  });

  it('formats durations with three significant digits', () => {
    expect(formatDurationNs(1_234_567_890)).toBe('1.23 s');
    expect(formatDurationNs(45_600_000)).toBe('45.6 ms');
    expect(formatDurationNs(789_000)).toBe('789 µs');
    expect(formatDurationNs(12)).toBe('12 ns');
  });
});
