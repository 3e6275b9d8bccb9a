import { describe, expect, it } from 'vitest';
import { CAMERA_PRESETS, cameraPose } from '../../src/camera/camera-path.ts';
import type { CameraPreset } from '../../src/camera/camera-path.ts';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { CameraPose, SceneData } from '../../src/scene/contract.ts';
import type { TraceModel } from '../../src/model.ts';
import { fanOut, pingPong, tree } from '../layout/model-fixtures.ts';
import { cross, dot, sub, unit } from './vectors.ts';
import type { V } from './vectors.ts';

/** Where a point lands on screen in normalised device coordinates (-1..1 is inside), looking like three.js's lookAt. */
function project(pose: CameraPose, aspect: number, point: V): { x: number; y: number; depth: number } {
  const back = unit(sub(pose.position, pose.target));
  const right = unit(cross([0, 1, 0], back));
  const up = cross(back, right);
  const rel = sub(point, pose.position);
  const depth = -dot(rel, back);
  const tanHalf = Math.tan((pose.fovDeg * Math.PI) / 360);
  return { x: dot(rel, right) / (depth * tanHalf * aspect), y: dot(rel, up) / (depth * tanHalf), depth };
}

function lineEnds(scene: SceneData): V[] {
  return scene.goroutines.flatMap((g): V[] => [
    [g.x, scene.topY - g.createdNs * scene.unitsPerNs, g.z],
    [g.x, scene.topY - g.endNs * scene.unitsPerNs, g.z],
  ]);
}

function build(input: TraceModel, width: number, height: number): SceneData {
  return buildScene(input, { width, height, theme: DARK_THEME, showRuntime: false, antialias: false });
}

function azimuthDeg(pose: CameraPose): number {
  return (Math.atan2(pose.position[2] - pose.target[2], pose.position[0] - pose.target[0]) * 180) / Math.PI;
}

describe('cameraPose', () => {
  const scenes: Array<[string, SceneData]> = [
    ['ping-pong at 16:9', build(pingPong(), 1280, 720)],
    ['ping-pong at 1:1', build(pingPong(), 500, 500)],
    ['36 children at 16:9', build(fanOut(36), 640, 360)],
    ['a three-level tree in portrait', build(tree([3, 4, 2]), 360, 640)],
    ['1000 goroutines', build(tree([9, 110]), 1280, 720)],
  ];
  const views: Array<[CameraPreset, number]> = [
    ['orbit', 0],
    ['orbit', 0.25],
    ['orbit', 0.5],
    ['orbit', 1],
    ['static', 0],
  ];

  for (const [sceneName, scene] of scenes) {
    for (const [preset, progress] of views) {
      it(`keeps every line end in view for ${sceneName}, ${preset} at ${progress}`, () => {
        const pose = cameraPose(preset, scene, progress);
        const aspect = scene.width / scene.height;
        for (const point of lineEnds(scene)) {
          const { x, y, depth } = project(pose, aspect, point);
          expect(depth).toBeGreaterThan(0);
          expect(Math.abs(x), `x of ${point.join(',')}`).toBeLessThanOrEqual(1);
          expect(Math.abs(y), `y of ${point.join(',')}`).toBeLessThanOrEqual(1);
        }
      });
    }
  }

  it('fills a good part of the picture', () => {
    const scene = build(pingPong(), 1280, 720);
    const pose = cameraPose('static', scene, 0);
    const ys = lineEnds(scene).map((point) => project(pose, 16 / 9, point).y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(1.2);
  });

  it('looks at the scene from a little above', () => {
    const scene = build(pingPong(), 1280, 720);
    for (const preset of ['orbit', 'static', 'follow'] as const) {
      const pose = cameraPose(preset, scene, 0.5);
      const elevation = Math.asin(unit(sub(pose.position, pose.target))[1]) * (180 / Math.PI);
      expect(elevation).toBeGreaterThan(5);
      expect(elevation).toBeLessThan(45);
    }
  });

  it('turns the orbit slowly and steadily, 90 to 120 degrees over the clip', () => {
    const scene = build(pingPong(), 1280, 720);
    const steps = 200;
    let total = 0;
    let previous = azimuthDeg(cameraPose('orbit', scene, 0));
    for (let step = 1; step <= steps; step++) {
      const current = azimuthDeg(cameraPose('orbit', scene, step / steps));
      const change = Math.abs((((current - previous) % 360) + 540) % 360 - 180);
      expect(change).toBeLessThan(120 / steps + 1e-9);
      total += change;
      previous = current;
    }
    expect(total).toBeGreaterThanOrEqual(90);
    expect(total).toBeLessThanOrEqual(120);
  });

  it('keeps the orbit\'s distance and target for the whole clip', () => {
    const scene = build(tree([3, 4, 2]), 1280, 720);
    const first = cameraPose('orbit', scene, 0);
    const distance = (pose: CameraPose) => Math.hypot(...sub(pose.position, pose.target));
    for (const progress of [0.1, 0.33, 0.5, 0.9, 1]) {
      const pose = cameraPose('orbit', scene, progress);
      expect(pose.target).toEqual(first.target);
      expect(distance(pose)).toBeCloseTo(distance(first), 1);
    }
  });

  it('turns the camera so that two players do not hide behind each other', () => {
    const scene = build(pingPong(), 1280, 720);
    for (const [preset, progress] of views) {
      const pose = cameraPose(preset, scene, progress);
      const columns = scene.goroutines
        .map((g) => project(pose, 16 / 9, [g.x, scene.topY, g.z]).x)
        .sort((a, b) => a - b);
      for (let i = 1; i < columns.length; i++) {
        expect((columns[i] ?? 0) - (columns[i - 1] ?? 0), `${preset} at ${progress}`).toBeGreaterThan(0.1);
      }
    }
  });

  it('does not move the static camera', () => {
    const scene = build(pingPong(), 640, 360);
    expect(cameraPose('static', scene, 0)).toEqual(cameraPose('static', scene, 1));
  });

  it('clamps progress outside 0..1', () => {
    const scene = build(pingPong(), 640, 360);
    expect(cameraPose('orbit', scene, -3)).toEqual(cameraPose('orbit', scene, 0));
    expect(cameraPose('orbit', scene, 7)).toEqual(cameraPose('orbit', scene, 1));
  });

  it('lists its presets', () => {
    expect(CAMERA_PRESETS).toEqual(['orbit', 'front', 'side', 'top', 'follow', 'static']);
  });
});
