/**
 * Message arrows as one merged mesh. Each arrow is a shaft of two crossed
 * quads and a four-sided head; the shader moves the tip from the sender's
 * line towards the receiver's as time passes, then leaves the arrow in
 * place. Sync hand-offs are thinner and use the quieter colour.
 */

import type { SceneArrow, SceneData } from './contract.ts';
import { hexToRgb } from './colour.ts';
import type { Rgb } from './colour.ts';
import { GeometryBuilder } from './geometry-builder.ts';
import { RevealRange } from './reveal-range.ts';
import type { RevealedGeometry } from './reveal-range.ts';
import { sceneY } from './time-axis.ts';

/** An arrow takes at least this many units of the 100-unit time axis to grow, so instant hand-offs are still seen travelling. */
export const MIN_ARROW_GROW_UNITS = 1.5;

/** Width of a sync arrow relative to a channel arrow. */
const SYNC_WIDTH_SCALE = 0.6;

type Vec = [number, number, number];

/** Scene y at which an arrow starts growing and the lower y at which it is fully grown. */
export function arrowTimingY(arrow: SceneArrow, scene: SceneData): { startY: number; doneY: number } {
  const startY = sceneY(scene, arrow.sendNs);
  return { startY, doneY: Math.min(sceneY(scene, arrow.receiveNs), startY - MIN_ARROW_GROW_UNITS) };
}

/** Where an arrow starts and ends in the scene, trimmed so it runs from one line's surface to the other's. */
export function arrowEnds(arrow: SceneArrow, scene: SceneData): { start: Vec; end: Vec } {
  const start: Vec = [arrow.fromX, sceneY(scene, arrow.sendNs), arrow.fromZ];
  const end: Vec = [arrow.toX, sceneY(scene, arrow.receiveNs), arrow.toZ];
  const delta = sub(end, start);
  const length = Math.hypot(...delta);
  const across = Math.hypot(delta[0], delta[2]);
  if (length === 0 || across === 0) {
    return { start, end };
  }
  const clearance = scene.theme.lineWidth / 2 + 0.1;
  const trim = Math.min((clearance * length) / across, length * 0.3);
  const step = scale(delta, trim / length);
  return { start: add(start, step), end: sub(end, step) };
}

/** Builds the merged arrow geometry, earliest sends first. */
export function buildArrowGeometry(scene: SceneData): RevealedGeometry {
  const reveal = new RevealRange();
  const builder = new GeometryBuilder({
    position: 3,
    aColour: 3,
    aStart: 3,
    aEnd: 3,
    aOffset: 3,
    aTiming: 2,
    aShape: 2,
  });
  const channelColour = hexToRgb(scene.theme.arrow);
  const syncColour = hexToRgb(scene.theme.syncArrow);

  const arrows = [...scene.arrows].sort((a, b) => a.sendNs - b.sendNs);
  for (const arrow of arrows) {
    const isSync = arrow.kind === 'sync';
    const width = scene.theme.arrowWidth * (isSync ? SYNC_WIDTH_SCALE : 1);
    const { startY, doneY } = arrowTimingY(arrow, scene);
    addArrow(builder, arrowEnds(arrow, scene), width, [startY, doneY], isSync ? syncColour : channelColour);
    reveal.mark(startY, builder.indexCount);
  }
  return { geometry: builder.build(), reveal };
}

function addArrow(
  builder: GeometryBuilder,
  ends: { start: Vec; end: Vec },
  width: number,
  timing: number[],
  colour: Rgb,
): void {
  const delta = sub(ends.end, ends.start);
  const length = Math.hypot(...delta);
  if (length === 0) {
    return;
  }
  const along = scale(delta, 1 / length);
  const sideways = normalise(cross(along, [0, 1, 0])) ?? [1, 0, 0];
  const upwards = cross(sideways, along);
  const headLength = width * 5;
  const headHalfWidth = width * 1.8;
  const common = { aColour: colour, aStart: ends.start, aEnd: ends.end, aTiming: timing };
  const vertex = (shape: number, offset: Vec): number =>
    builder.vertex({ ...common, position: ends.start, aOffset: offset, aShape: [shape, headLength] });

  // Shaft: two crossed quads.
  for (const normal of [sideways, upwards]) {
    const half = scale(normal, width / 2);
    const back = scale(half, -1);
    builder.quad(vertex(0, half), vertex(1, half), vertex(1, back), vertex(0, back));
  }

  // Head: apex at the tip, square base behind it.
  const apex = vertex(2, [0, 0, 0]);
  const base = [0, 1, 2, 3].map((index) => {
    const angle = ((index + 0.5) / 4) * 2 * Math.PI;
    const spread = add(scale(sideways, Math.cos(angle) * headHalfWidth), scale(upwards, Math.sin(angle) * headHalfWidth));
    return vertex(2, add(scale(along, -headLength), spread));
  });
  for (let index = 0; index < 4; index++) {
    builder.triangle(apex, base[index] ?? apex, base[(index + 1) % 4] ?? apex);
  }
  builder.quad(base[0] ?? apex, base[1] ?? apex, base[2] ?? apex, base[3] ?? apex);
}

function add(a: Vec, b: Vec): Vec {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

function sub(a: Vec, b: Vec): Vec {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function scale(a: Vec, factor: number): Vec {
  return [a[0] * factor, a[1] * factor, a[2] * factor];
}

function cross(a: Vec, b: Vec): Vec {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalise(a: Vec): Vec | undefined {
  const length = Math.hypot(...a);
  return length < 1e-9 ? undefined : scale(a, 1 / length);
}
