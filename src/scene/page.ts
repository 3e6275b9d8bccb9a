/**
 * The browser side of the renderer: bundled into `dist/scene.js` and loaded
 * into a page, it installs `window.gotraceScene` (see {@link ScenePageApi}).
 *
 * `load` builds all geometry once; `renderFrame` only sets the "now"
 * uniform, label visibility and the camera, then draws synchronously. There
 * is no animation loop, clock or randomness, so a frame depends only on
 * the scene and the frame state.
 */

import { Mesh, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import type { BufferGeometry, Material } from 'three';
import type { FrameState, SceneData, ScenePageApi } from './contract.ts';
import { buildArrowGeometry } from './arrow-geometry.ts';
import { buildLineGeometry } from './line-geometry.ts';
import { buildLinkGeometry } from './link-geometry.ts';
import { createArrowMaterial, createLineMaterial, createLinkMaterial } from './reveal-materials.ts';
import type { NowUniform } from './reveal-materials.ts';
import { buildTextLabels } from './text-labels.ts';
import type { TextLabels } from './text-labels.ts';

declare global {
  interface Window {
    gotraceScene?: ScenePageApi;
  }
}

interface Loaded {
  data: SceneData;
  renderer: WebGLRenderer;
  scene: Scene;
  camera: PerspectiveCamera;
  labels: TextLabels;
  meshes: Mesh<BufferGeometry, Material>[];
  /** Radius of a sphere round the origin that holds the whole scene, for the clipping planes. */
  radius: number;
}

class ScenePage implements ScenePageApi {
  readonly #now: NowUniform = { value: 0 };
  #loaded: Loaded | undefined;

  async load(data: SceneData): Promise<{ renderer: string }> {
    this.#dispose();
    const { width, height, theme } = data;

    document.body.style.margin = '0';
    document.body.style.background = theme.background;
    const canvas = document.createElement('canvas');
    document.body.append(canvas);

    const renderer = new WebGLRenderer({
      canvas,
      antialias: data.antialias,
      alpha: true,
      preserveDrawingBuffer: false,
    });
    renderer.setPixelRatio(1);
    renderer.setSize(width, height);
    renderer.setClearColor(theme.background, theme.backgroundAlpha);

    const scene = new Scene();
    const meshes = [
      new Mesh(buildLineGeometry(data), createLineMaterial(this.#now, theme.lineWidth / 2)),
      new Mesh(buildLinkGeometry(data), createLinkMaterial(this.#now)),
      new Mesh(buildArrowGeometry(data), createArrowMaterial(this.#now)),
    ];
    for (const mesh of meshes) {
      // The shaders move vertices, so three.js cannot know the true bounds.
      mesh.frustumCulled = false;
      scene.add(mesh);
    }
    const labels = buildTextLabels(data);
    scene.add(labels.group);

    const camera = new PerspectiveCamera(40, width / Math.max(height, 1), 0.1, 10_000);
    renderer.compile(scene, camera);

    this.#loaded = { data, renderer, scene, camera, labels, meshes, radius: sceneRadius(data) };
    return { renderer: rendererName(renderer) };
  }

  renderFrame(frame: FrameState): void {
    const loaded = this.#requireLoaded();
    const { data, renderer, scene, camera, labels, radius } = loaded;

    this.#now.value = data.topY - frame.timeNs * data.unitsPerNs;
    labels.showAt(frame.timeNs);

    const [px, py, pz] = frame.camera.position;
    const [tx, ty, tz] = frame.camera.target;
    const distance = Math.hypot(px, py, pz) + radius;
    camera.fov = frame.camera.fovDeg;
    camera.aspect = data.width / Math.max(data.height, 1);
    camera.near = Math.max(0.05, distance / 2000);
    camera.far = distance * 2;
    camera.position.set(px, py, pz);
    camera.up.set(0, 1, 0);
    camera.lookAt(tx, ty, tz);
    camera.updateProjectionMatrix();

    renderer.render(scene, camera);
  }

  readPixels(): Uint8Array {
    const { data, renderer } = this.#requireLoaded();
    const gl = renderer.getContext();
    const pixels = new Uint8Array(data.width * data.height * 4);
    gl.readPixels(0, 0, data.width, data.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    return pixels;
  }

  #requireLoaded(): Loaded {
    if (this.#loaded === undefined) {
      throw new Error('gotraceScene: load() must finish before frames are drawn');
    }
    return this.#loaded;
  }

  #dispose(): void {
    const loaded = this.#loaded;
    if (loaded === undefined) {
      return;
    }
    for (const mesh of loaded.meshes) {
      mesh.geometry.dispose();
      mesh.material.dispose();
    }
    loaded.labels.dispose();
    loaded.renderer.dispose();
    loaded.renderer.domElement.remove();
    this.#loaded = undefined;
  }
}

/** Distance from the origin to the farthest thing in the scene, with room for labels. */
function sceneRadius(data: SceneData): number {
  let across = 0;
  for (const goroutine of data.goroutines) {
    across = Math.max(across, Math.hypot(goroutine.x, goroutine.z));
  }
  const tall = Math.max(Math.abs(data.topY), Math.abs(data.topY - data.durationNs * data.unitsPerNs));
  return Math.hypot(across, tall) + data.theme.labelSize * 4;
}

/** The GPU's real name (for SwiftShader or llvmpipe) when the browser reveals it. */
function rendererName(renderer: WebGLRenderer): string {
  const gl = renderer.getContext();
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = info === null ? gl.getParameter(gl.RENDERER) : gl.getParameter(info.UNMASKED_RENDERER_WEBGL);
  return typeof name === 'string' ? name : 'unknown';
}

window.gotraceScene = new ScenePage();
