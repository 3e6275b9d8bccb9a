/**
 * Goroutine lines as one merged mesh. Each state segment is a vertical
 * ribbon of two triangles that the vertex shader turns about its own axis
 * to face the camera, and the fragment shader shades across its width like
 * a round tube: a thick line from every angle for a sixth of the triangles
 * of a prism. Each vertex carries the y of its segment's top, which the
 * shader compares with "now".
 */

import type { BufferGeometry } from 'three';
import type { SceneData } from './contract.ts';
import { stateColour } from './colour.ts';
import { GeometryBuilder } from './geometry-builder.ts';

/** A goroutine line is never drawn shorter than this many units, so instant goroutines still show. */
export const MIN_LINE_UNITS = 0.6;

/** Builds the merged line geometry for every goroutine of the scene. */
export function buildLineGeometry(scene: SceneData): BufferGeometry {
  const builder = new GeometryBuilder({ position: 3, aSide: 1, aColour: 3, aTopY: 1 });
  const toY = (timeNs: number): number => scene.topY - timeNs * scene.unitsPerNs;

  for (const goroutine of scene.goroutines) {
    const { x, z, segments } = goroutine;
    const lineBottomY = Math.min(toY(goroutine.endNs), toY(goroutine.createdNs) - MIN_LINE_UNITS);
    segments.forEach((segment, index) => {
      const topY = toY(segment.startNs);
      const bottomY = index === segments.length - 1 ? Math.min(toY(segment.endNs), lineBottomY) : toY(segment.endNs);
      const common = { aColour: stateColour(scene.theme, segment.state, segment.reason), aTopY: [topY] };
      const topLeft = builder.vertex({ ...common, position: [x, topY, z], aSide: [-1] });
      const topRight = builder.vertex({ ...common, position: [x, topY, z], aSide: [1] });
      const bottomRight = builder.vertex({ ...common, position: [x, bottomY, z], aSide: [1] });
      const bottomLeft = builder.vertex({ ...common, position: [x, bottomY, z], aSide: [-1] });
      builder.quad(topLeft, bottomLeft, bottomRight, topRight);
    });
  }
  return builder.build();
}
