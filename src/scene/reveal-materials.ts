/**
 * Shader materials that reveal the scene by time without rebuilding any
 * geometry: every vertex carries the scene y at which it appears, and one
 * shared uniform, `uNowY`, says how far down the time axis the frame is.
 * Time runs down Y, so "already happened" means `y >= uNowY`.
 */

import { DoubleSide, ShaderMaterial } from 'three';

/** The uniform every reveal material shares; set `value` once per frame. */
export interface NowUniform {
  value: number;
}

/** Vertices of not-yet-shown parts go here: outside the clip volume, so their triangles vanish. */
const HIDDEN_POSITION = 'vec4(2.0, 2.0, 2.0, 1.0)';

const FLAT_FRAGMENT = /* glsl */ `
varying vec3 vColour;
void main() {
  gl_FragColor = vec4(vColour, 1.0);
}
`;

// Ribbons turn about their vertical axis to face the camera; aSide is -1 or +1 for the two edges.
const LINE_VERTEX = /* glsl */ `
uniform float uNowY;
uniform float uRadius;
attribute vec3 aColour;
attribute float aTopY;
attribute float aSide;
varying vec3 vColour;
varying float vAcross;
void main() {
  if (aTopY < uNowY) {
    gl_Position = ${HIDDEN_POSITION};
    return;
  }
  vec2 toCamera = cameraPosition.xz - position.xz;
  float reach = length(toCamera);
  vec2 facing = reach > 1e-6 ? toCamera / reach : vec2(0.0, 1.0);
  vec2 side = vec2(-facing.y, facing.x) * aSide * uRadius;
  vec3 placed = vec3(position.x + side.x, max(position.y, uNowY), position.z + side.y);
  vColour = aColour;
  vAcross = aSide;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(placed, 1.0);
}
`;

// Shades the ribbon as a round tube lit from just above and left of the camera.
const LINE_FRAGMENT = /* glsl */ `
varying vec3 vColour;
varying float vAcross;
void main() {
  float across = clamp(vAcross, -1.0, 1.0);
  vec3 normal = vec3(across, 0.0, sqrt(1.0 - across * across));
  float lit = max(dot(normal, normalize(vec3(-0.35, 0.3, 1.0))), 0.0);
  gl_FragColor = vec4(vColour * (0.5 + 0.5 * lit), 1.0);
}
`;

const LINK_VERTEX = /* glsl */ `
uniform float uNowY;
attribute vec3 aColour;
attribute float aAtY;
varying vec3 vColour;
void main() {
  if (aAtY < uNowY) {
    gl_Position = ${HIDDEN_POSITION};
    return;
  }
  vColour = aColour;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

// Arrows grow from the sender (aStart) towards the receiver (aEnd) while uNowY moves from aTiming.x down to aTiming.y.
// aShape.x: 0 = shaft start, 1 = shaft end, 2 = head; aShape.y: head length, used to keep the head no longer than the shaft.
const ARROW_VERTEX = /* glsl */ `
uniform float uNowY;
attribute vec3 aColour;
attribute vec3 aStart;
attribute vec3 aEnd;
attribute vec3 aOffset;
attribute vec2 aTiming;
attribute vec2 aShape;
varying vec3 vColour;
void main() {
  if (uNowY > aTiming.x) {
    gl_Position = ${HIDDEN_POSITION};
    return;
  }
  float progress = clamp((aTiming.x - uNowY) / max(aTiming.x - aTiming.y, 1e-6), 0.0, 1.0);
  vec3 tip = mix(aStart, aEnd, progress);
  vec3 point;
  if (aShape.x < 0.5) {
    point = aStart + aOffset;
  } else if (aShape.x < 1.5) {
    point = tip + aOffset;
  } else {
    float grown = length(tip - aStart);
    point = tip + aOffset * clamp(grown / max(aShape.y * 1.5, 1e-6), 0.0, 1.0);
  }
  vColour = aColour;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(point, 1.0);
}
`;

/** Goroutine lines: camera-facing ribbons, `radiusUnits` half wide, shaded as tubes, that grow down to `uNowY`. */
export function createLineMaterial(now: NowUniform, radiusUnits: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uNowY: now, uRadius: { value: radiusUnits } },
    vertexShader: LINE_VERTEX,
    fragmentShader: LINE_FRAGMENT,
    side: DoubleSide,
  });
}

/** Parent–child links: flat crossed quads that appear once `uNowY` reaches them. */
export function createLinkMaterial(now: NowUniform): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uNowY: now },
    vertexShader: LINK_VERTEX,
    fragmentShader: FLAT_FRAGMENT,
    side: DoubleSide,
  });
}

/** Message arrows: flat shafts and heads that grow from sender to receiver. */
export function createArrowMaterial(now: NowUniform): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uNowY: now },
    vertexShader: ARROW_VERTEX,
    fragmentShader: FLAT_FRAGMENT,
    side: DoubleSide,
  });
}
