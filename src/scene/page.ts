/**
 * The browser side of the renderer: bundled into `dist/scene.js` and loaded
 * into a page, it installs `window.gotraceScene` (see {@link ScenePageApi}).
 *
 * `load` builds all geometry once; `renderFrame` only sets the "now"
 * uniform, the draw ranges, label visibility, the time counter and the
 * camera, then draws synchronously. There is no animation loop, clock or
 * randomness, so a frame depends only on the scene and the frame state.
 */

import { Mesh, OrthographicCamera, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import type { BufferGeometry, Material } from 'three';
import type { CameraPose, FrameState, SceneData, ScenePageApi } from './contract.ts';
import { buildAliveMarkers } from './alive-markers.ts';
import { buildArrowGeometry } from './arrow-geometry.ts';
import { buildLineGeometry } from './line-geometry.ts';
import { buildLinkGeometry } from './link-geometry.ts';
import { FxaaPass } from './fxaa-pass.ts';
import { buildHud } from './overlay-hud.ts';
import type { Hud } from './overlay-hud.ts';
import { unpremultiply } from './pixel-readback.ts';
import { createArrowMaterial, createLineMaterial, createLinkMaterial } from './reveal-materials.ts';
import type { NowUniform } from './reveal-materials.ts';
import type { RevealRange } from './reveal-range.ts';
import { buildTextLabels } from './text-labels.ts';
import type { TextLabels } from './text-labels.ts';
import { sceneY } from './time-axis.ts';
import { YuvReadback } from './yuv-readback.ts';

declare global {
  interface Window {
    gotraceScene?: ScenePageApi;
  }
}

interface Loaded {
  data: SceneData;
  renderer: WebGLRenderer;
  scene: Scene;
  /** Labels, drawn after the scene (and after smoothing, which would blur them). */
  labelScene: Scene;
  camera: PerspectiveCamera;
  /** Used instead of `camera` for frames that ask for a parallel projection. */
  orthoCamera: OrthographicCamera;
  fxaa: FxaaPass | undefined;
  /** Set when frames are read back as YUV 4:2:0 planes instead of RGBA. */
  yuv: YuvReadback | undefined;
  labels: TextLabels;
  hud: Hud;
  meshes: Mesh<BufferGeometry, Material>[];
  reveals: RevealRange[];
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

    const smoothWithPass = data.fxaa === true;
    const renderer = new WebGLRenderer({
      canvas,
      antialias: data.antialias && !smoothWithPass,
      alpha: true,
      preserveDrawingBuffer: false,
    });
    renderer.setPixelRatio(1);
    renderer.setSize(width, height);
    renderer.setClearColor(theme.background, theme.backgroundAlpha);

    const scene = new Scene();
    const parts = [
      { built: buildLineGeometry(data), material: createLineMaterial(this.#now, theme.lineWidth / 2) },
      { built: buildLinkGeometry(data), material: createLinkMaterial(this.#now) },
      { built: buildArrowGeometry(data), material: createArrowMaterial(this.#now) },
      { built: buildAliveMarkers(data), material: createLinkMaterial(this.#now) },
    ];
    const meshes = parts.map(({ built, material }) => new Mesh<BufferGeometry, Material>(built.geometry, material));
    const reveals = parts.map(({ built }) => built.reveal);
    for (const mesh of meshes) {
      // The shaders move vertices, so three.js cannot know the true bounds.
      mesh.frustumCulled = false;
      scene.add(mesh);
    }
    const labels = buildTextLabels(data);
    const labelScene = new Scene();
    labelScene.add(labels.group);
    const hud = buildHud(data);
    const fxaa = smoothWithPass ? new FxaaPass(width, height) : undefined;
    const yuv = data.readback === 'yuv420p' ? new YuvReadback(width, height) : undefined;

    const camera = new PerspectiveCamera(40, width / Math.max(height, 1), 0.1, 10_000);
    renderer.compile(scene, camera);
    renderer.compile(labelScene, camera);
    renderer.compile(hud.scene, hud.camera);
    renderer.autoClear = false;
    const orthoCamera = new OrthographicCamera(-1, 1, 1, -1, 0.1, 10_000);

    this.#loaded = { data, renderer, scene, labelScene, camera, orthoCamera, fxaa, yuv, labels, hud, meshes, reveals, radius: sceneRadius(data) };
    return { renderer: rendererName(renderer) };
  }

  renderFrame(frame: FrameState): void {
    const loaded = this.#requireLoaded();
    const { data, renderer, scene, labelScene, fxaa, labels, hud, meshes, reveals, radius } = loaded;

    const nowY = sceneY(data, frame.timeNs);
    this.#now.value = nowY;
    meshes.forEach((mesh, index) => reveals[index]?.apply(mesh.geometry, nowY));
    labels.showAt(nowY);
    hud.update(frame.timeNs);
    const camera = placeCamera(loaded, frame.camera, radius);

    // The scene (through the smoothing pass if any), then labels, then the flat overlay.
    renderer.setRenderTarget(fxaa?.target ?? null);
    renderer.clear();
    renderer.render(scene, camera);
    if (fxaa !== undefined) {
      fxaa.finish(renderer);
    }
    renderer.render(labelScene, camera);
    renderer.clearDepth();
    renderer.render(hud.scene, hud.camera);
  }

  readPixels(): Uint8Array {
    const { data, renderer, yuv } = this.#requireLoaded();
    if (yuv !== undefined) {
      return yuv.read(renderer);
    }
    const gl = renderer.getContext();
    const pixels = new Uint8Array(data.width * data.height * 4);
    gl.readPixels(0, 0, data.width, data.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    // The drawing buffer holds premultiplied colour; files want it straight.
    if (data.theme.backgroundAlpha < 1) {
      unpremultiply(pixels);
    }
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
    loaded.hud.dispose();
    loaded.fxaa?.dispose();
    loaded.yuv?.dispose();
    loaded.renderer.dispose();
    loaded.renderer.domElement.remove();
    this.#loaded = undefined;
  }
}

/** Points the perspective or the orthographic camera as the pose asks, and returns it. */
function placeCamera(loaded: Loaded, pose: CameraPose, radius: number): PerspectiveCamera | OrthographicCamera {
  const { data } = loaded;
  const [px, py, pz] = pose.position;
  const [tx, ty, tz] = pose.target;
  const aspect = data.width / Math.max(data.height, 1);
  const distance = Math.hypot(px, py, pz) + radius;
  const near = Math.max(0.05, distance / 2000);
  let camera: PerspectiveCamera | OrthographicCamera;
  if (pose.orthographic === true) {
    const halfHeight = Math.max(pose.viewHeight ?? 100, 1e-3) / 2;
    camera = loaded.orthoCamera;
    camera.left = -halfHeight * aspect;
    camera.right = halfHeight * aspect;
    camera.top = halfHeight;
    camera.bottom = -halfHeight;
    camera.zoom = 1;
  } else {
    camera = loaded.camera;
    camera.fov = pose.fovDeg;
    camera.aspect = aspect;
  }
  camera.near = near;
  camera.far = distance * 2;
  camera.position.set(px, py, pz);
  camera.up.set(0, 1, 0);
  camera.lookAt(tx, ty, tz);
  camera.updateProjectionMatrix();
  return camera;
}

/** Distance from the origin to the farthest thing in the scene, with room for labels. */
function sceneRadius(data: SceneData): number {
  let across = 0;
  for (const goroutine of data.goroutines) {
    across = Math.max(across, Math.hypot(goroutine.x, goroutine.z));
  }
  const tall = Math.max(Math.abs(data.topY), Math.abs(sceneY(data, data.durationNs)));
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
