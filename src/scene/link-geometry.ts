/**
 * Parent–child links as one merged mesh: each link is a pair of crossed
 * thin quads (one flat, one upright) from the parent's line to the child's
 * start, so it keeps its width from any camera angle.
 */

import type { SceneData } from './contract.ts';
import { hexToRgb } from './colour.ts';
import { GeometryBuilder } from './geometry-builder.ts';
import { RevealRange } from './reveal-range.ts';
import type { RevealedGeometry } from './reveal-range.ts';
import { sceneY } from './time-axis.ts';

/** Builds the merged link geometry, earliest links first. */
export function buildLinkGeometry(scene: SceneData): RevealedGeometry {
  const builder = new GeometryBuilder({ position: 3, aColour: 3, aAtY: 1 });
  const reveal = new RevealRange();
  const colour = hexToRgb(scene.theme.link);
  const half = scene.theme.linkWidth / 2;

  const links = [...scene.links].sort((a, b) => a.atNs - b.atNs);
  for (const link of links) {
    const y = sceneY(scene, link.atNs);
    const dx = link.toX - link.fromX;
    const dz = link.toZ - link.fromZ;
    const length = Math.hypot(dx, dz);
    if (length === 0) {
      continue;
    }
    const sideX = (-dz / length) * half;
    const sideZ = (dx / length) * half;
    const common = { aColour: colour, aAtY: [y] };
    const flat = [
      [link.fromX + sideX, y, link.fromZ + sideZ],
      [link.toX + sideX, y, link.toZ + sideZ],
      [link.toX - sideX, y, link.toZ - sideZ],
      [link.fromX - sideX, y, link.fromZ - sideZ],
    ];
    const upright = [
      [link.fromX, y + half, link.fromZ],
      [link.toX, y + half, link.toZ],
      [link.toX, y - half, link.toZ],
      [link.fromX, y - half, link.fromZ],
    ];
    for (const corners of [flat, upright]) {
      const [a, b, c, d] = corners.map((position) => builder.vertex({ ...common, position }));
      builder.quad(a ?? 0, b ?? 0, c ?? 0, d ?? 0);
    }
    reveal.mark(y, builder.indexCount);
  }
  return { geometry: builder.build(), reveal };
}
