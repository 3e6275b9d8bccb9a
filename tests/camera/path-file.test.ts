import { describe, expect, it } from 'vitest';

import { formatPathFile, parsePathFile } from '../../src/camera/path-file.ts';
import { UsageError } from '../../src/errors.ts';

const DURATION_NS = 4_000_000_000;
const frame = (at: unknown, extra: Record<string, unknown> = {}) => ({ at, position: [10, 20, 30], target: [0, -50, 0], fov: 40, ...extra });
const parse = (json: unknown) => parsePathFile(JSON.stringify(json), 'shot.json', DURATION_NS);

describe('parsePathFile', () => {
  it('resolves percentages and times, and fills in easing and field of view', () => {
    const path = parse({ easing: 'linear', keyframes: [frame('0%'), { at: '2.5s', position: [1, 2, 3], target: [4, 5, 6] }, frame('100%', { easing: 'cubic' })] });
    expect(path.orthographic).toBe(false);
    expect(path.keyframes.map((k) => k.atNs)).toEqual([0, 2_500_000_000, 4_000_000_000]);
    expect(path.keyframes.map((k) => k.easing)).toEqual(['linear', 'linear', 'cubic']);
    expect(path.keyframes[1]).toMatchObject({ position: [1, 2, 3], target: [4, 5, 6], fovDeg: 40 });
  });

  it('reads the view height of an orthographic path', () => {
    const path = parse({ orthographic: true, keyframes: [frame('1s', { height: 80 })] });
    expect(path).toMatchObject({ orthographic: true, keyframes: [{ viewHeight: 80, easing: 'ease-in-out' }] });
  });

  const bad: Array<[string, unknown, string]> = [
    ['not JSON', '{', 'shot.json: not valid JSON'],
    ['no keyframes', { keyframes: [] }, 'shot.json: keyframes: expected a list of at least one keyframe'],
    ['an unknown top-level key', { keyframes: [frame('0%')], speed: 2 }, 'shot.json: speed: unknown key; expected one of easing, orthographic, keyframes'],
    ['an unknown keyframe key', { keyframes: [frame('0%'), frame('50%', { zoom: 2 })] }, 'shot.json: keyframes[1].zoom: unknown key'],
    ['a bad time', { keyframes: [frame('soon')] }, "shot.json: keyframes[0].at 'soon': expected a time like 2.5s"],
    ['a number for a time', { keyframes: [frame(3)] }, 'shot.json: keyframes[0].at: expected a time like "2.5s" or a percentage like "40%", got 3'],
    ['a time past the end', { keyframes: [frame('9s')] }, 'shot.json: keyframes[0].at 9s is past the end of the trace, which lasts 4 s'],
    ['times out of order', { keyframes: [frame('0%'), frame('3s'), frame('50%')] }, 'shot.json: keyframes[2].at: "50%" comes before keyframes[1].at "3s"; list keyframes in time order'],
    ['a short vector', { keyframes: [frame('0%', { target: [1, 2] })] }, 'shot.json: keyframes[0].target: expected three numbers [x, y, z], got [1,2]'],
    ['a wide field of view', { keyframes: [frame('0%', { fov: 400 })] }, 'shot.json: keyframes[0].fov: expected a number between 1 and 179, got 400'],
    ['an unknown easing', { keyframes: [frame('0%', { easing: 'bounce' })] }, 'shot.json: keyframes[0].easing: expected one of linear, ease-in-out, cubic, got "bounce"'],
    ['a height on a perspective path', { keyframes: [frame('0%', { height: 50 })] }, 'shot.json: keyframes[0].height: only applies to an orthographic path'],
    ['no height on an orthographic path', { orthographic: true, keyframes: [frame('0%')] }, 'shot.json: keyframes[0].height: an orthographic path needs the view height'],
  ];
  for (const [what, json, message] of bad) {
    it(`names the file, the keyframe and the key for ${what}`, () => {
      const text = typeof json === 'string' ? json : JSON.stringify(json);
      let caught: unknown;
      try {
        parsePathFile(text, 'shot.json', DURATION_NS);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as UsageError).message.startsWith(message), (caught as UsageError).message).toBe(true);
    });
  }
});

describe('formatPathFile', () => {
  it('writes what parsePathFile reads back, rounded to 1/1000', () => {
    const text = formatPathFile(
      [
        { at: '0%', position: [1.23456, 2, 3], target: [0, 0, 0], fovDeg: 40 },
        { at: '62.5%', position: [4, 5, 6], target: [0, -1, 0], fovDeg: 33.33333, easing: 'linear' },
      ],
      { easing: 'cubic' },
    );
    const path = parsePathFile(text, 'out.json', 800);
    expect(path.keyframes).toEqual([
      { atNs: 0, position: [1.235, 2, 3], target: [0, 0, 0], fovDeg: 40, easing: 'cubic' },
      { atNs: 500, position: [4, 5, 6], target: [0, -1, 0], fovDeg: 33.333, easing: 'linear' },
    ]);
  });

  it('writes the view heights of an orthographic path', () => {
    const text = formatPathFile([{ at: '1s', position: [0, 0, 9], target: [0, 0, 0], fovDeg: 40, viewHeight: 55 }], { orthographic: true });
    expect(parsePathFile(text, 'out.json', 2e9)).toMatchObject({ orthographic: true, keyframes: [{ viewHeight: 55 }] });
  });
});
