import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import { DEFAULT_PLACEMENT, placeTree } from '../../src/layout/tree-placement.ts';
import type { SceneData } from '../../src/scene/contract.ts';
import type { TraceModel } from '../../src/model.ts';
import { fanOut, goroutine, model, pingPong, tree } from './model-fixtures.ts';

const MIN = DEFAULT_PLACEMENT.minDistanceUnits;

function build(input: TraceModel): SceneData {
  return buildScene(input, { width: 1280, height: 720, theme: DARK_THEME, showRuntime: false, antialias: false });
}

/** Smallest distance between two goroutine lines in the XZ plane, with the pair. */
function closestPair(scene: SceneData): { distance: number; ids: [number, number] } {
  let best = { distance: Infinity, ids: [0, 0] as [number, number] };
  const all = scene.goroutines;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a === undefined || b === undefined) {
        continue;
      }
      const distance = Math.hypot(a.x - b.x, a.z - b.z);
      if (distance < best.distance) {
        best = { distance, ids: [a.id, b.id] };
      }
    }
  }
  return best;
}

function position(scene: SceneData, id: number): { x: number; z: number } {
  const found = scene.goroutines.find((g) => g.id === id);
  if (found === undefined) {
    throw new Error(`goroutine ${id} is not in the scene`);
  }
  return found;
}

describe('goroutine placement', () => {
  const shapes: Array<[string, TraceModel]> = [
    ['two players', pingPong()],
    ['a parent with 36 children', fanOut(36)],
    ['a three-level tree', tree([3, 4, 2])],
    ['a wide three-level tree', tree([6, 6, 6])],
    ['1000 children of main', fanOut(999)],
    ['1000 goroutines in two levels', tree([9, 110])],
    ['a chain twelve deep', tree([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])],
  ];

  for (const [name, input] of shapes) {
    it(`keeps every two lines at least ${MIN} units apart for ${name}`, () => {
      const scene = build(input);
      expect(scene.goroutines).toHaveLength(input.goroutines.length);
      const { distance, ids } = closestPair(scene);
      expect(distance, `goroutines ${ids[0]} and ${ids[1]}`).toBeGreaterThanOrEqual(MIN - 1e-9);
    });
  }

  it('puts main at the origin', () => {
    const scene = build(pingPong());
    expect(position(scene, 1)).toMatchObject({ x: 0, z: 0 });
  });

  it('puts main\'s children on a circle of the base radius around it', () => {
    const scene = build(pingPong());
    for (const id of [5, 6]) {
      const { x, z } = position(scene, id);
      expect(Math.hypot(x, z)).toBeCloseTo(DEFAULT_PLACEMENT.baseRadiusUnits, 6);
    }
  });

  it('spreads two children 120 degrees apart', () => {
    const scene = build(pingPong());
    const a = position(scene, 5);
    const b = position(scene, 6);
    const angle = Math.acos((a.x * b.x + a.z * b.z) / (Math.hypot(a.x, a.z) * Math.hypot(b.x, b.z)));
    expect((angle * 180) / Math.PI).toBeCloseTo(120, 6);
  });

  it('puts grandchildren closer to their parent than children to main', () => {
    const scene = build(tree([3, 4]));
    const childRadius = Math.hypot(position(scene, 2).x, position(scene, 2).z);
    // Goroutine 5 is the first child of goroutine 2.
    const parent = position(scene, 2);
    const grandchild = position(scene, 5);
    const grandchildRadius = Math.hypot(grandchild.x - parent.x, grandchild.z - parent.z);
    expect(grandchildRadius).toBeLessThan(childRadius);
    expect(grandchildRadius).toBeGreaterThanOrEqual(MIN);
  });

  it('keeps the 36 children of one parent on a single even circle', () => {
    const scene = build(fanOut(36));
    const radii = scene.goroutines.filter((g) => g.id !== 1).map((g) => Math.hypot(g.x, g.z));
    for (const radius of radii) {
      expect(radius).toBeCloseTo(DEFAULT_PLACEMENT.baseRadiusUnits, 6);
    }
  });

  it('widens the layout when one circle cannot hold all children', () => {
    const scene = build(fanOut(999));
    const widest = Math.max(...scene.goroutines.map((g) => Math.hypot(g.x, g.z)));
    expect(widest).toBeGreaterThan(DEFAULT_PLACEMENT.baseRadiusUnits);
    expect(widest).toBeLessThan(DEFAULT_PLACEMENT.baseRadiusUnits * 4);
  });

  it('places goroutines whose creator is unknown around the centre', () => {
    const scene = build(
      model([
        goroutine({ id: 1, name: 'main.main', parentId: null }),
        goroutine({ id: 2, parentId: null }),
        goroutine({ id: 3, parentId: 77 }),
      ]),
    );
    expect(scene.goroutines.map((g) => g.id)).toEqual([1, 2, 3]);
    expect(closestPair(scene).distance).toBeGreaterThanOrEqual(MIN);
    expect(scene.links).toHaveLength(0);
  });

  it('lays out a chain thousands deep without running out of stack', () => {
    const chain = model(
      Array.from({ length: 2000 }, (_, index) =>
        goroutine({ id: index + 1, name: index === 0 ? 'main.main' : 'main.next', parentId: index === 0 ? null : index, createdNs: index }),
      ),
    );
    const scene = build(chain);
    expect(scene.goroutines).toHaveLength(2000);
    expect(scene.goroutines.every((g) => Number.isFinite(g.x) && Number.isFinite(g.z))).toBe(true);
  });

  it('survives a loop in the parent links', () => {
    const positions = placeTree({ id: 1, children: [] });
    expect(positions.get(1)).toEqual({ x: 0, z: 0 });
    const scene = build(
      model([
        goroutine({ id: 1, name: 'main.main', parentId: null }),
        goroutine({ id: 2, parentId: 3 }),
        goroutine({ id: 3, parentId: 2 }),
      ]),
    );
    expect(scene.goroutines).toHaveLength(3);
    expect(closestPair(scene).distance).toBeGreaterThanOrEqual(MIN);
  });
});
