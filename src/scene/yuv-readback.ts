/**
 * Converting the finished frame to planar YUV 4:2:0 on the GPU, so the page
 * reads back and uploads 1.5 bytes a pixel instead of 4, and ffmpeg takes
 * the planes as they are (no conversion, no flip).
 *
 * The composited picture is copied from the canvas into a texture; then two
 * quads fill a small RGBA target whose bytes, in the order `readPixels`
 * returns them, are the Y plane, then U, then V, rows top first (see
 * `i420-layout.ts`). The lower quad writes the Y rows, the upper one the
 * chroma rows: software GL runs both sides of every branch, so a single
 * shader deciding per texel which plane it writes would pay for both.
 */

import { Color, FramebufferTexture, GLSL3, LinearFilter, Mesh, NoBlending, OrthographicCamera, PlaneGeometry, Scene, ShaderMaterial, WebGLRenderTarget } from 'three';
import type { WebGLRenderer } from 'three';

import { fitsI420, i420FrameBytes, i420TargetSize } from './i420-layout.ts';

const VERTEX = /* glsl */ `
void main() {
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

// Shared by both quads: BT.709 in limited range (Y 16–235, U and V 16–240),
// as weights of R, G, B and an offset; and the frame texture, which holds
// rows bottom first while planes want the top row first.
const COMMON = /* glsl */ `
precision highp float;
precision highp int;
uniform highp sampler2D uFrame;
uniform int uWidth;
uniform int uHeight;
out highp vec4 fragBytes;

const vec4 LUMA = vec4(219.0 * vec3(0.2126, 0.7152, 0.0722), 16.0);
const vec4 BLUE_DIFFERENCE = vec4(224.0 * vec3(-0.2126 / 1.8556, -0.7152 / 1.8556, 0.5), 128.0);
const vec4 RED_DIFFERENCE = vec4(224.0 * vec3(0.5, -0.7152 / 1.5748, -0.0722 / 1.5748), 128.0);

vec3 pixel(int column, int row) {
  return texelFetch(uFrame, ivec2(column, uHeight - 1 - row), 0).rgb;
}

// Rounded here so the store into 8 bits cannot land one level off.
void store(vec4 levels) {
  fragBytes = floor(clamp(levels, 0.0, 255.0) + 0.5) / 255.0;
}
`;

// Target row r (r < height) is Y row r; texel x holds pixels 4x to 4x + 3.
const LUMA_FRAGMENT = /* glsl */ `${COMMON}
float luma(int column, int row) {
  return dot(pixel(column, row), LUMA.rgb) + LUMA.a;
}

void main() {
  int row = int(gl_FragCoord.y);
  int column = 4 * int(gl_FragCoord.x);
  store(vec4(luma(column, row), luma(column + 1, row), luma(column + 2, row), luma(column + 3, row)));
}
`;

// Rows from height on hold U and then V, back to back; a texel's 4 bytes
// are 4 neighbouring samples of one row of one plane (the width is a
// multiple of 8), each the converted mean of a 2×2 block of pixels.
const CHROMA_FRAGMENT = /* glsl */ `${COMMON}
vec3 block(int column, int row) {
  vec2 corner = vec2(float(2 * column + 1), float(uHeight - 1 - 2 * row));
  return texture(uFrame, corner / vec2(uWidth, uHeight)).rgb;
}

void main() {
  int index = (int(gl_FragCoord.y) - uHeight) * uWidth + 4 * int(gl_FragCoord.x);
  int planeWidth = uWidth / 2;
  int planeBytes = planeWidth * (uHeight / 2);
  bool red = index >= planeBytes;
  vec4 weights = red ? RED_DIFFERENCE : BLUE_DIFFERENCE;
  index -= red ? planeBytes : 0;
  int row = index / planeWidth;
  int column = index - row * planeWidth;
  store(vec4(
    dot(block(column, row), weights.rgb),
    dot(block(column + 1, row), weights.rgb),
    dot(block(column + 2, row), weights.rgb),
    dot(block(column + 3, row), weights.rgb)
  ) + weights.a);
}
`;

/** The copy of the canvas, the conversion quads and their target, for one frame size. */
export class YuvReadback {
  readonly #widthPx: number;
  readonly #heightPx: number;
  readonly #frame: FramebufferTexture;
  readonly #target: WebGLRenderTarget;
  readonly #scene = new Scene();
  readonly #camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  readonly #quads: Mesh<PlaneGeometry, ShaderMaterial>[];
  readonly #bytes: Uint8Array;
  readonly #clearColour = new Color();

  /** A converter for frames of `widthPx` × `heightPx`, which must pass `fitsI420`. */
  constructor(widthPx: number, heightPx: number) {
    if (!fitsI420(widthPx, heightPx)) {
      throw new Error(`YUV 4:2:0 read-back needs a width divisible by 8 and an even height, not ${widthPx}x${heightPx}`);
    }
    this.#widthPx = widthPx;
    this.#heightPx = heightPx;
    this.#frame = new FramebufferTexture(widthPx, heightPx);
    this.#frame.minFilter = LinearFilter;
    this.#frame.magFilter = LinearFilter;
    const size = i420TargetSize(widthPx, heightPx);
    this.#target = new WebGLRenderTarget(size.width, size.height, { depthBuffer: false });
    this.#bytes = new Uint8Array(size.width * size.height * 4);
    // In clip space the target runs from -1 to 1; the Y rows are its lower two thirds.
    const lumaTop = -1 + (2 * heightPx) / size.height;
    this.#quads = [
      this.#quad(LUMA_FRAGMENT, -1, lumaTop),
      this.#quad(CHROMA_FRAGMENT, lumaTop, 1),
    ];
    for (const quad of this.#quads) this.#scene.add(quad);
  }

  /** A full-width quad from clip-space height `bottom` to `top`, drawn with `fragmentShader`. */
  #quad(fragmentShader: string, bottom: number, top: number): Mesh<PlaneGeometry, ShaderMaterial> {
    const material = new ShaderMaterial({
      glslVersion: GLSL3,
      uniforms: { uFrame: { value: this.#frame }, uWidth: { value: this.#widthPx }, uHeight: { value: this.#heightPx } },
      vertexShader: VERTEX,
      fragmentShader,
      depthTest: false,
      depthWrite: false,
      blending: NoBlending,
    });
    const quad = new Mesh(new PlaneGeometry(2, top - bottom).translate(0, (top + bottom) / 2, 0), material);
    quad.frustumCulled = false;
    return quad;
  }

  /**
   * Converts what the canvas shows now and reads it back: the Y plane, then
   * U, then V, each row top first. The array is reused by the next call.
   */
  read(renderer: WebGLRenderer): Uint8Array {
    renderer.setRenderTarget(null);
    renderer.copyFramebufferToTexture(this.#frame);
    renderer.setRenderTarget(this.#target);
    renderer.render(this.#scene, this.#camera);
    renderer.readRenderTargetPixels(this.#target, 0, 0, this.#target.width, this.#target.height, this.#bytes);
    renderer.setRenderTarget(null);
    // Drawing into a target left the clear colour converted to linear light (three.js
    // does that for targets); set it again for the canvas, or the next frame's
    // background comes out far too dark.
    renderer.setClearColor(renderer.getClearColor(this.#clearColour), renderer.getClearAlpha());
    return this.#bytes.subarray(0, i420FrameBytes(this.#widthPx, this.#heightPx));
  }

  /** Frees the textures and the passes' GPU resources. */
  dispose(): void {
    this.#frame.dispose();
    this.#target.dispose();
    for (const quad of this.#quads) {
      quad.material.dispose();
      quad.geometry.dispose();
    }
  }
}
