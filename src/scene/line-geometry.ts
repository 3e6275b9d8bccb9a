/**
 * Goroutine lines as one merged mesh. Each state segment is a vertical
 * ribbon of two triangles that the vertex shader turns about its own axis
 * to face the camera, and the fragment shader shades across its width like
 * a round tube: a thick line from every angle for a sixth of the triangles
 * of a prism. Each vertex carries the y of its segment's top, which the
 * shader compares with "now"; segments are stored top first, so a draw
 * range skips those not started yet.
 */

import type { SceneData } from './contract.ts';
import { stateColour } from './colour.ts';
import type { Rgb } from './colour.ts';
import { GeometryBuilder } from './geometry-builder.ts';
import { RevealRange } from './reveal-range.ts';
import type { RevealedGeometry } from './reveal-range.ts';
import { sceneY } from './time-axis.ts';

/** A goroutine line is never drawn shorter than this many units, so instant goroutines still show. */
export const MIN_LINE_UNITS = 0.6;

interface Ribbon {
  x: number;
  z: number;
  topY: number;
  bottomY: number;
  colour: Rgb;
}

/** Builds the merged line geometry for every goroutine of the scene. */
export function buildLineGeometry(scene: SceneData): RevealedGeometry {
  const ribbons: Ribbon[] = [];
  for (const goroutine of scene.goroutines) {
    const { x, z, segments } = goroutine;
    const lineBottomY = Math.min(sceneY(scene, goroutine.endNs), sceneY(scene, goroutine.createdNs) - MIN_LINE_UNITS);
    segments.forEach((segment, index) => {
      const topY = sceneY(scene, segment.startNs);
      const endY = sceneY(scene, segment.endNs);
      const bottomY = index === segments.length - 1 ? Math.min(endY, lineBottomY) : endY;
      ribbons.push({ x, z, topY, bottomY, colour: stateColour(scene.theme, segment.state, segment.reason) });
    });
  }
  // Top first; ties keep goroutine order, so the result is deterministic.
  ribbons.sort((a, b) => b.topY - a.topY);

  const builder = new GeometryBuilder({ position: 3, aSide: 1, aColour: 3, aTopY: 1 });
  const reveal = new RevealRange();
  for (const { x, z, topY, bottomY, colour } of ribbons) {
    const common = { aColour: colour, aTopY: [topY] };
    const topLeft = builder.vertex({ ...common, position: [x, topY, z], aSide: [-1] });
    const topRight = builder.vertex({ ...common, position: [x, topY, z], aSide: [1] });
    const bottomRight = builder.vertex({ ...common, position: [x, bottomY, z], aSide: [1] });
    const bottomLeft = builder.vertex({ ...common, position: [x, bottomY, z], aSide: [-1] });
    builder.quad(topLeft, bottomLeft, bottomRight, topRight);
    reveal.mark(topY, builder.indexCount);
  }
  return { geometry: builder.build(), reveal };
}
