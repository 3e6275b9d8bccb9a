/**
 * Parent–child links as one merged mesh: each link is a pair of crossed
 * thin quads (one flat, one upright) from the parent's line to the child's
 * start, so it keeps its width from any camera angle.
 */

import type { BufferGeometry } from 'three';
import type { SceneData } from './contract.ts';
import { hexToRgb } from './colour.ts';
import { GeometryBuilder } from './geometry-builder.ts';

/** Builds the merged link geometry. */
export function buildLinkGeometry(scene: SceneData): BufferGeometry {
  const builder = new GeometryBuilder({ position: 3, aColour: 3, aAtY: 1 });
  const colour = hexToRgb(scene.theme.link);
  const half = scene.theme.linkWidth / 2;

  for (const link of scene.links) {
    const y = scene.topY - link.atNs * scene.unitsPerNs;
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
  }
  return builder.build();
}
