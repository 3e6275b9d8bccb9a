import { describe, expect, it } from 'vitest';

import { parsePathFile } from '../../src/camera/path-file.ts';
import { KeyframeList, percentText, timeAtStep } from '../../src/preview/keyframe-list.ts';
import { resolveTimeSpec, parseTimeSpec } from '../../src/render/time-spec.ts';
import type { CameraPose } from '../../src/scene/contract.ts';

const pose = (x: number): CameraPose => ({ position: [x, 20.123456, 30], target: [0, -50, 0], fovDeg: 35 });

describe('KeyframeList', () => {
  it('keeps keyframes in time order and replaces one at the same moment', () => {
    const list = new KeyframeList();
    list.add(5000, pose(1));
    list.add(0, pose(2));
    list.add(10_000, pose(3));
    list.add(5000, pose(4));
    expect(list.items.map((item) => [item.step, item.pose.position[0]])).toEqual([[0, 2], [5000, 4], [10_000, 3]]);
  });

  it('writes a file the renderer reads to the same path the preview plays', () => {
    const list = new KeyframeList();
    list.add(0, pose(1));
    list.add(3725, pose(2));
    const durationNs = 1_103_456_789;
    expect(parsePathFile(list.fileText(false), 'camera-path.json', durationNs)).toEqual(list.toPath(durationNs, false));
    expect(list.fileRows()[1]).toMatchObject({ at: '37.25%', position: [2, 20.123, 30] });
  });

  it('copies poses, so moving the camera later does not change a keyframe', () => {
    const list = new KeyframeList();
    const live = pose(1);
    list.add(0, live);
    live.position[0] = 99;
    expect(list.items[0]?.pose.position[0]).toBe(1);
  });
});

describe('timeAtStep', () => {
  it('rounds like the renderer resolving the written percentage', () => {
    for (const step of [0, 1, 333, 3725, 6667, 9999, 10_000]) {
      const text = percentText(step);
      expect(timeAtStep(987_654_321, step)).toBe(resolveTimeSpec(parseTimeSpec(text), 987_654_321, text));
    }
  });
});
