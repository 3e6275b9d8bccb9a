import { describe, expect, it } from 'vitest';

import { blend, poseOnPath } from '../../src/camera/keyframe-track.ts';
import type { CameraKeyframe, CameraPath, Easing } from '../../src/camera/path-file.ts';

const key = (atNs: number, x: number, easing: Easing = 'linear', fovDeg = 40): CameraKeyframe => ({
  atNs,
  position: [x, 10, 100],
  target: [x, 0, 0],
  fovDeg,
  easing,
});
const path = (...keyframes: CameraKeyframe[]): CameraPath => ({ orthographic: false, keyframes });

describe('poseOnPath', () => {
  it('holds the first keyframe before it and the last after it', () => {
    const track = path(key(100, 0), key(200, 10));
    expect(poseOnPath(track, 0)).toEqual({ position: [0, 10, 100], target: [0, 0, 0], fovDeg: 40 });
    expect(poseOnPath(track, 999).position).toEqual([10, 10, 100]);
  });

  it('passes through every keyframe exactly, whatever the easing', () => {
    for (const easing of ['linear', 'ease-in-out', 'cubic'] as const) {
      const track = path(key(0, 0, easing), key(100, 5, easing, 30), key(300, -7, easing), key(400, 2, easing));
      for (const keyframe of track.keyframes) {
        const pose = poseOnPath(track, keyframe.atNs);
        expect(pose.position[0]).toBeCloseTo(keyframe.position[0], 9);
        expect(pose.fovDeg).toBeCloseTo(keyframe.fovDeg, 9);
      }
    }
  });

  it('moves at constant speed when linear and slowly at the ends when easing in and out', () => {
    expect(poseOnPath(path(key(0, 0), key(100, 10)), 25).position[0]).toBeCloseTo(2.5, 9);
    const eased = poseOnPath(path(key(0, 0, 'ease-in-out'), key(100, 10)), 10).position[0];
    expect(eased).toBeLessThan(1);
    expect(poseOnPath(path(key(0, 0, 'ease-in-out'), key(100, 10)), 50).position[0]).toBeCloseTo(5, 9);
  });

  it('keeps moving through a keyframe on a cubic curve instead of stopping', () => {
    const track = path(key(0, 0, 'cubic'), key(100, 10, 'cubic'), key(200, 20, 'cubic'));
    const before = poseOnPath(track, 99).position[0];
    const after = poseOnPath(track, 101).position[0];
    expect(after - before).toBeGreaterThan(0.15);
  });

  it('cuts when two keyframes share a time', () => {
    const track = path(key(0, 0), key(100, 10), key(100, 50), key(200, 60));
    expect(poseOnPath(track, 99.999).position[0]).toBeCloseTo(10, 2);
    expect(poseOnPath(track, 100).position[0]).toBe(50);
  });

  it('swings round the target between views from opposite sides instead of passing through it', () => {
    const side = (atNs: number, x: number, z: number): CameraKeyframe => ({ atNs, position: [x, 0, z], target: [0, 0, 0], fovDeg: 40, easing: 'ease-in-out' });
    const track = path(side(0, 100, 0), side(100, -100, 1));
    for (const timeNs of [10, 30, 50, 70, 90]) {
      expect(Math.hypot(...poseOnPath(track, timeNs).position)).toBeCloseTo(100, 0);
    }
    // Through +z, the shorter way round from +x to just past -x.
    expect(poseOnPath(track, 50).position[2]).toBeGreaterThan(90);
  });

  it('carries the view height of an orthographic path', () => {
    const track: CameraPath = { orthographic: true, keyframes: [{ ...key(0, 0), viewHeight: 40 }, { ...key(10, 0), viewHeight: 80 }] };
    expect(poseOnPath(track, 5)).toMatchObject({ orthographic: true, viewHeight: 60 });
  });
});

describe('blend', () => {
  it('gives the ends at shares 0 and 1', () => {
    for (const easing of ['linear', 'ease-in-out', 'cubic'] as const) {
      expect(blend(easing, 0, -3, 1, 4, 9)).toBeCloseTo(1, 12);
      expect(blend(easing, 1, -3, 1, 4, 9)).toBeCloseTo(4, 12);
    }
  });
});
