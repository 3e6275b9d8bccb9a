import { describe, expect, it } from 'vitest';

import { buildScene } from '../../src/layout/build-scene.ts';
import type { BuildSceneOptions } from '../../src/layout/build-scene.ts';
import { chooseLayout, GRID_MIN_GOROUTINES } from '../../src/layout/choose-layout.ts';
import { placeGrid, placeSpiral } from '../../src/layout/ordered-placements.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { TraceModel } from '../../src/model.ts';
import type { SceneData } from '../../src/scene/contract.ts';
import { goroutine, model, MS, pingPong } from './model-fixtures.ts';

function build(input: TraceModel, options: Partial<BuildSceneOptions> = {}): SceneData {
  return buildScene(input, { width: 1280, height: 720, theme: DARK_THEME, showRuntime: false, antialias: true, ...options });
}

/** `count` short-lived workers started one after another by main over the trace. */
function stream(count: number, lifeNs = 5 * MS): TraceModel {
  const workers = Array.from({ length: count }, (_, index) =>
    goroutine({ id: index + 2, createdNs: index * MS, endedNs: index * MS + lifeNs, spans: [{ startNs: index * MS, state: 'running' }] }),
  );
  return model([goroutine({ id: 1, name: 'main.main', parentId: null }), ...workers], [], (count + 10) * MS);
}

/** Smallest distance between two goroutines of the scene, found through a coarse grid. */
function smallestGap(scene: SceneData): number {
  const points = scene.goroutines.map((g) => [g.x, g.z] as const);
  let best = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      best = Math.min(best, Math.hypot(a[0] - b[0], a[1] - b[1]));
    }
  }
  return best;
}

describe('chooseLayout', () => {
  it('keeps the circle for a few long-lived goroutines', () => {
    const input = pingPong();
    expect(chooseLayout(input.goroutines, input.durationNs)).toBe('circle');
  });

  it('picks the spiral for a long stream of short-lived goroutines', () => {
    const input = stream(60);
    expect(chooseLayout(input.goroutines, input.durationNs)).toBe('spiral');
  });

  it('picks the grid for hundreds of goroutines', () => {
    const input = stream(GRID_MIN_GOROUTINES, 500 * MS);
    expect(chooseLayout(input.goroutines, input.durationNs)).toBe('grid');
  });
});

describe('spiral and grid placement', () => {
  it('keeps every spiral point at least the minimum distance from every other', () => {
    const ids = Array.from({ length: 400 }, (_, index) => index + 1);
    const positions = [...placeSpiral(ids, 1, 4).values()];
    expect(positions[0]).toEqual({ x: 0, z: 0 });
    let best = Infinity;
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        best = Math.min(best, Math.hypot(positions[i]!.x - positions[j]!.x, positions[i]!.z - positions[j]!.z));
      }
    }
    expect(best).toBeGreaterThanOrEqual(4 * 0.999);
  });

  it('walks the grid outwards from the centre in creation order', () => {
    const positions = placeGrid([7, 3, 5, 9, 11], 5, 2);
    expect(positions.get(5)).toEqual({ x: 0, z: 0 });
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.z}`)).size).toBe(5);
    for (const point of positions.values()) {
      expect(Math.max(Math.abs(point.x), Math.abs(point.z))).toBeLessThanOrEqual(2);
    }
  });

  it('never lets two lines touch in a grid of thousands, thinning them to fit', () => {
    const scene = build(stream(3000, 500 * MS), { layout: 'grid' });
    expect(scene.goroutines).toHaveLength(3001);
    expect(smallestGap(scene)).toBeGreaterThan(scene.theme.lineWidth * 1.2);
    expect(scene.theme.lineWidth).toBeLessThan(DARK_THEME.lineWidth);
    expect(scene.links).toEqual([]);
  });

  it('gives the same positions for the same trace every time', () => {
    const first = build(stream(80), { layout: 'spiral' }).goroutines.map((g) => [g.id, g.x, g.z]);
    const second = build(stream(80), { layout: 'spiral' }).goroutines.map((g) => [g.id, g.x, g.z]);
    expect(second).toEqual(first);
  });

  it('honours a forced layout over the automatic choice', () => {
    const circle = build(stream(60), { layout: 'circle' });
    const spiral = build(stream(60));
    expect(circle.goroutines.map((g) => [g.x, g.z])).not.toEqual(spiral.goroutines.map((g) => [g.x, g.z]));
    expect(smallestGap(circle)).toBeGreaterThanOrEqual(4 * 0.999);
  });
});
