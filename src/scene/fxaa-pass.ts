/**
 * A cheaper antialiasing pass than multisampling in software GL: the scene
 * is drawn once, without multisampling, into an offscreen texture, then one full-screen pass looks at each pixel's
 * neighbours and, where the brightness changes sharply (an edge), blends a
 * few samples along the edge. Text is drawn afterwards, so it is untouched.
 */

import { Mesh, OrthographicCamera, PlaneGeometry, Scene, ShaderMaterial, Vector2, WebGLRenderTarget } from 'three';
import type { WebGLRenderer } from 'three';

const VERTEX = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

// Edge-directed blur: find the edge direction from the diagonal neighbours'
// brightness, take two and four samples along it, and keep the wider blend
// unless it reaches outside the local brightness range.
const FRAGMENT = /* glsl */ `
uniform sampler2D uScene;
uniform vec2 uTexel;
varying vec2 vUv;

float brightness(vec4 colour) {
  return dot(colour.rgb, vec3(0.299, 0.587, 0.114));
}

vec4 at(vec2 offset) {
  return texture2D(uScene, vUv + offset * uTexel);
}

void main() {
  vec4 centre = at(vec2(0.0));
  float c = brightness(centre);
  float nw = brightness(at(vec2(-1.0, 1.0)));
  float ne = brightness(at(vec2(1.0, 1.0)));
  float sw = brightness(at(vec2(-1.0, -1.0)));
  float se = brightness(at(vec2(1.0, -1.0)));
  float lowest = min(c, min(min(nw, ne), min(sw, se)));
  float highest = max(c, max(max(nw, ne), max(sw, se)));
  if (highest - lowest < max(0.04, highest * 0.125)) {
    gl_FragColor = centre;
    return;
  }

  vec2 direction = vec2(-((nw + ne) - (sw + se)), (nw + sw) - (ne + se));
  float damping = max((nw + ne + sw + se) * 0.03125, 1.0 / 128.0);
  float shortest = min(abs(direction.x), abs(direction.y)) + damping;
  direction = clamp(direction / shortest, vec2(-8.0), vec2(8.0));

  vec4 near = 0.5 * (at(direction * (1.0 / 3.0 - 0.5)) + at(direction * (2.0 / 3.0 - 0.5)));
  vec4 wide = 0.5 * near + 0.25 * (at(direction * -0.5) + at(direction * 0.5));
  float wideBrightness = brightness(wide);
  gl_FragColor = (wideBrightness < lowest || wideBrightness > highest) ? near : wide;
}
`;

/** An offscreen target for the scene and the pass that copies it to the screen, smoothed. */
export class FxaaPass {
  readonly #target: WebGLRenderTarget;
  readonly #scene = new Scene();
  readonly #camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  readonly #material: ShaderMaterial;
  readonly #quad: Mesh<PlaneGeometry, ShaderMaterial>;

  /** A pass for output `widthPx` × `heightPx`. */
  constructor(widthPx: number, heightPx: number) {
    this.#target = new WebGLRenderTarget(widthPx, heightPx, { depthBuffer: true });
    this.#material = new ShaderMaterial({
      uniforms: { uScene: { value: this.#target.texture }, uTexel: { value: new Vector2(1 / widthPx, 1 / heightPx) } },
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      depthTest: false,
      depthWrite: false,
    });
    this.#quad = new Mesh(new PlaneGeometry(2, 2), this.#material);
    this.#quad.frustumCulled = false;
    this.#scene.add(this.#quad);
  }

  /** Where the scene should be drawn before {@link finish}. */
  get target(): WebGLRenderTarget {
    return this.#target;
  }

  /** Draws the smoothed picture onto the screen (the current clear is kept, blending is off). */
  finish(renderer: WebGLRenderer): void {
    renderer.setRenderTarget(null);
    renderer.render(this.#scene, this.#camera);
  }

  /** Frees the offscreen target and the pass's GPU resources. */
  dispose(): void {
    this.#target.dispose();
    this.#material.dispose();
    this.#quad.geometry.dispose();
  }
}
