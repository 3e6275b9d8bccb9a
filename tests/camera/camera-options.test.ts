import { describe, expect, it } from 'vitest';

import { cameraPose } from '../../src/camera/camera-path.ts';
import type { CameraOptions, CameraPreset } from '../../src/camera/camera-path.ts';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { CameraPose, SceneData } from '../../src/scene/contract.ts';
import { sceneY } from '../../src/scene/time-axis.ts';
import { fanOut, pingPong } from '../layout/model-fixtures.ts';
import { cross, dot, sub, unit } from './vectors.ts';
import type { V } from './vectors.ts';

/** Normalised device coordinates of a point (-1..1 is inside) for a perspective or orthographic pose. */
function project(pose: CameraPose, aspect: number, point: V): { x: number; y: number } {
  const back = unit(sub(pose.position, pose.target));
  const right = unit(cross([0, 1, 0], back));
  const up = cross(back, right);
  const rel = sub(point, pose.position);
  if (pose.orthographic === true) {
    const half = (pose.viewHeight ?? 0) / 2;
    return { x: dot(rel, right) / (half * aspect), y: dot(rel, up) / half };
  }
  const depth = -dot(rel, back);
  const tanHalf = Math.tan((pose.fovDeg * Math.PI) / 360);
  return { x: dot(rel, right) / (depth * tanHalf * aspect), y: dot(rel, up) / (depth * tanHalf) };
}

function lineEnds(scene: SceneData): V[] {
  return scene.goroutines.flatMap((g): V[] => [
    [g.x, sceneY(scene, g.createdNs), g.z],
    [g.x, sceneY(scene, g.endNs), g.z],
  ]);
}

const build = (width: number, height: number): SceneData =>
  buildScene(fanOut(12), { width, height, theme: DARK_THEME, showRuntime: false, antialias: false });
const elevationOf = (pose: CameraPose): number => (Math.asin(unit(sub(pose.position, pose.target))[1]) * 180) / Math.PI;
const distanceOf = (pose: CameraPose): number => Math.hypot(...sub(pose.position, pose.target));

describe('cameraPose presets and options', () => {
  const scene = build(640, 360);
  const fixed: Array<[CameraPreset, CameraOptions]> = [
    ['front', {}],
    ['side', {}],
    ['top', {}],
    ['static', { orthographic: true }],
    ['front', { orthographic: true, elevationDeg: 30 }],
    ['orbit', { fovDeg: 70, elevationDeg: 50 }],
  ];
  for (const [preset, options] of fixed) {
    it(`keeps every line end in view for ${preset} ${JSON.stringify(options)}`, () => {
      for (const progress of [0, 0.5, 1]) {
        const pose = cameraPose(preset, scene, progress, options);
        for (const point of lineEnds(scene)) {
          const { x, y } = project(pose, 640 / 360, point);
          expect(Math.abs(x), `x of ${point.join(',')} at ${progress}`).toBeLessThanOrEqual(1);
          expect(Math.abs(y), `y of ${point.join(',')} at ${progress}`).toBeLessThanOrEqual(1);
        }
      }
    });
  }

  it('looks level for front and side, a quarter turn apart, and down for top', () => {
    const front = cameraPose('front', scene, 0);
    const side = cameraPose('side', scene, 0);
    expect(elevationOf(front)).toBeCloseTo(0, 6);
    expect(elevationOf(side)).toBeCloseTo(0, 6);
    expect(elevationOf(cameraPose('top', scene, 0))).toBeGreaterThan(85);
    const frontBack = unit(sub(front.position, front.target));
    const sideBack = unit(sub(side.position, side.target));
    expect(dot(frontBack, sideBack)).toBeCloseTo(0, 6);
    // The side camera stands to the front camera's right.
    expect(dot(sideBack, unit(cross([0, 1, 0], frontBack)))).toBeCloseTo(1, 6);
  });

  it('turns the front view away from +z when lines would hide each other there', () => {
    const pingPongScene = buildScene(pingPong(), { width: 640, height: 360, theme: DARK_THEME, showRuntime: false, antialias: false });
    const pose = cameraPose('front', pingPongScene, 0);
    const columns = pingPongScene.goroutines.map((g) => project(pose, 640 / 360, [g.x, pingPongScene.topY, g.z]).x).sort((a, b) => a - b);
    for (let i = 1; i < columns.length; i++) expect((columns[i] ?? 0) - (columns[i - 1] ?? 0)).toBeGreaterThan(0.1);
  });

  it('takes elevation and field of view from the options', () => {
    const pose = cameraPose('static', scene, 0, { elevationDeg: 60, fovDeg: 25 });
    expect(elevationOf(pose)).toBeCloseTo(60, 6);
    expect(pose.fovDeg).toBe(25);
  });

  it('scales the distance, or the orthographic view height', () => {
    const near = cameraPose('static', scene, 0, { distanceScale: 0.5 });
    expect(distanceOf(near)).toBeCloseTo(distanceOf(cameraPose('static', scene, 0)) / 2, 6);
    const wide = cameraPose('static', scene, 0, { orthographic: true });
    const close = cameraPose('static', scene, 0, { orthographic: true, distanceScale: 0.5 });
    expect(wide.orthographic).toBe(true);
    expect(close.viewHeight).toBeCloseTo((wide.viewHeight ?? 0) / 2, 6);
  });

  it('moves the follow camera down the time axis with the clip, keeping its distance', () => {
    const start = cameraPose('follow', scene, 0);
    const end = cameraPose('follow', scene, 1);
    expect(start.target[1]).toBeCloseTo(scene.topY, 6);
    expect(end.target[1]).toBeCloseTo(sceneY(scene, scene.durationNs), 6);
    expect(distanceOf(start)).toBeCloseTo(distanceOf(end), 6);
    expect(distanceOf(start)).toBeLessThan(distanceOf(cameraPose('static', scene, 0)));
  });

  it('leaves the pose without orthographic fields when perspective', () => {
    const pose = cameraPose('orbit', build(320, 180), 0.3);
    expect(pose).not.toHaveProperty('orthographic');
    expect(cameraPose('orbit', buildScene(pingPong(), { width: 320, height: 180, theme: DARK_THEME, showRuntime: false, antialias: false }), 0)).toMatchObject({
      fovDeg: 40,
    });
  });
});
