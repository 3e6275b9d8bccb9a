import { describe, expect, it } from 'vitest';

import { parseEncodeFlags, parseFrameRange } from '../../src/cli/encode-options.ts';

describe('parseEncodeFlags', () => {
  it('fills in defaults', () => {
    expect(parseEncodeFlags({}, 'mp4')).toEqual({
      preset: 'veryfast',
      gif: { colors: 128, dither: 'sierra2_4a' },
      loopCount: 0,
      frameStep: 1,
      concurrency: 1,
    });
  });

  it('reads quality, palette, loop, range and parallel pages', () => {
    const settings = parseEncodeFlags(
      { preset: 'slow', gifColors: '64', gifDither: 'bayer', loop: '3', everyNthFrame: '2', frames: '300-', concurrency: '2' },
      'gif',
    );
    expect(settings).toMatchObject({ preset: 'slow', gif: { colors: 64, dither: 'bayer' }, loopCount: 3, frameStep: 2, concurrency: 2 });
    expect(settings.frameRange).toEqual({ first: 300, last: Infinity });
  });

  it('names the flag, the value and the allowed range when a value is wrong', () => {
    expect(() => parseEncodeFlags({ crf: '60' }, 'mp4')).toThrowErrorMatchingInlineSnapshot(`[UsageError: --crf '60': expected a whole number from 0 to 51]`);
    expect(parseEncodeFlags({ crf: '60' }, 'webm').crf).toBe(60);
    expect(() => parseEncodeFlags({ crf: '20' }, 'gif')).toThrowError('--crf applies to .mp4 and .webm outputs only');
    expect(() => parseEncodeFlags({ loop: '2' }, 'mp4')).toThrowError('--loop applies to .gif and .apng outputs only');
    expect(() => parseEncodeFlags({ preset: 'ludicrous' }, 'mp4')).toThrowError(/--preset 'ludicrous': expected one of ultrafast/);
    expect(() => parseEncodeFlags({ gifColors: '1' }, 'gif')).toThrowError(/--gif-colors '1'/);
    expect(() => parseEncodeFlags({ concurrency: '0' }, 'mp4')).toThrowError(/--concurrency '0'/);
  });
});

describe('parseFrameRange', () => {
  it('reads closed, open and single-frame ranges', () => {
    expect(parseFrameRange('0-299')).toEqual({ first: 0, last: 299 });
    expect(parseFrameRange('300-')).toEqual({ first: 300, last: Infinity });
    expect(parseFrameRange('42')).toEqual({ first: 42, last: 42 });
  });

  it('rejects reversed and malformed ranges', () => {
    expect(() => parseFrameRange('9-3')).toThrowError('--frames \'9-3\': the last frame comes before the first');
    expect(() => parseFrameRange('a-b')).toThrowError(/expected FIRST-LAST/);
  });
});
