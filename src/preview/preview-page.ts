/**
 * The preview page's script (bundled into `dist/preview.js`): draws the
 * scene with the renderer's own page code, lets the user turn the view with
 * orbit controls, scrub and play the trace, collect keyframes and save them
 * as a camera path file. Frames are drawn only when something changed.
 */

import '../scene/page.ts';

import { OrthographicCamera, PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

import { poseOnPath } from '../camera/keyframe-track.ts';
import type { CameraPose, ScenePageApi } from '../scene/contract.ts';
import { formatTraceTime } from '../scene/time-counter.ts';
import { KeyframeList, SCRUBBER_STEPS, timeAtStep } from './keyframe-list.ts';
import type { PreviewApi, PreviewData } from './preview-data.ts';

declare global {
  interface Window {
    gotracePreview?: PreviewApi;
  }
}

const PATH_FILE_NAME = 'camera-path.json';

async function start(): Promise<void> {
  const data = (await (await fetch('/scene.json')).json()) as PreviewData;
  const api = window.gotraceScene as ScenePageApi;
  await api.load(data.scene);
  const canvas = document.querySelector('canvas') as HTMLCanvasElement;
  element('stage').append(canvas);

  const { width, height, durationNs } = data.scene;
  const aspect = width / Math.max(height, 1);
  const orthographic = data.initialPose.orthographic === true;
  const baseViewHeight = data.initialPose.viewHeight ?? 100;
  const camera = orthographic
    ? new OrthographicCamera((-baseViewHeight * aspect) / 2, (baseViewHeight * aspect) / 2, baseViewHeight / 2, -baseViewHeight / 2, 0.1, 100_000)
    : new PerspectiveCamera(data.initialPose.fovDeg, aspect, 0.1, 100_000);
  const controls = new OrbitControls(camera, canvas);
  const keyframes = new KeyframeList();
  for (const keyframe of data.keyframes) keyframes.add(keyframe.step, keyframe.pose);

  const time = element<HTMLInputElement>('time');
  const fov = element<HTMLInputElement>('fov');
  const followPath = element<HTMLInputElement>('follow-path');
  const play = element<HTMLButtonElement>('play');
  fov.value = String(Math.round(data.initialPose.fovDeg));
  fov.disabled = orthographic;
  placeCamera(data.initialPose);

  let playing = false;
  let lastTickMs = 0;
  let pending = false;
  const timeNs = (): number => timeAtStep(durationNs, Number(time.value));

  function placeCamera(pose: CameraPose): void {
    camera.position.set(...pose.position);
    controls.target.set(...pose.target);
    if (camera instanceof PerspectiveCamera) camera.fov = pose.fovDeg;
    else camera.zoom = baseViewHeight / (pose.viewHeight ?? baseViewHeight);
    camera.updateProjectionMatrix();
    controls.update();
  }

  function currentPose(): CameraPose {
    if (followPath.checked && keyframes.items.length > 0) return poseOnPath(keyframes.toPath(durationNs, orthographic), timeNs());
    const pose: CameraPose = { position: camera.position.toArray(), target: controls.target.toArray(), fovDeg: Number(fov.value) };
    if (camera instanceof OrthographicCamera) {
      pose.orthographic = true;
      pose.viewHeight = baseViewHeight / camera.zoom;
    }
    return pose;
  }

  function draw(): void {
    pending = false;
    if (followPath.checked && keyframes.items.length > 0) placeCamera(currentPose());
    controls.enabled = !(followPath.checked && keyframes.items.length > 0);
    api.renderFrame({ timeNs: timeNs(), camera: currentPose() });
    element('clock').textContent = formatTraceTime(timeNs(), durationNs);
  }

  function redraw(): void {
    if (!pending) {
      pending = true;
      requestAnimationFrame(draw);
    }
  }

  function tick(nowMs: number): void {
    if (!playing) return;
    const stepsPerMs = SCRUBBER_STEPS / (data.clipSeconds * 1000);
    const next = Math.min(SCRUBBER_STEPS, Number(time.value) + Math.max(1, Math.round((nowMs - lastTickMs) * stepsPerMs)));
    lastTickMs = nowMs;
    time.value = String(next);
    draw();
    if (next >= SCRUBBER_STEPS) setPlaying(false);
    else requestAnimationFrame(tick);
  }

  function setPlaying(on: boolean): void {
    playing = on;
    play.textContent = on ? 'Pause' : 'Play';
    if (on) {
      if (Number(time.value) >= SCRUBBER_STEPS) time.value = '0';
      lastTickMs = performance.now();
      requestAnimationFrame(tick);
    }
  }

  function showPath(message: string): void {
    element<HTMLTextAreaElement>('path-text').value = keyframes.items.length === 0 ? '' : keyframes.fileText(orthographic);
    element('status').textContent = message;
  }

  controls.addEventListener('change', redraw);
  time.addEventListener('input', redraw);
  followPath.addEventListener('change', redraw);
  fov.addEventListener('input', () => {
    if (camera instanceof PerspectiveCamera) camera.fov = Number(fov.value);
    camera.updateProjectionMatrix();
    redraw();
  });
  play.addEventListener('click', () => setPlaying(!playing));
  element('add-keyframe').addEventListener('click', () => {
    keyframes.add(Number(time.value), currentPose());
    showPath(`${keyframes.items.length} keyframe${keyframes.items.length === 1 ? '' : 's'}`);
  });
  element('clear-keyframes').addEventListener('click', () => {
    keyframes.clear();
    showPath('no keyframes');
    redraw();
  });
  element('download').addEventListener('click', () => {
    if (keyframes.items.length === 0) return showPath('add a keyframe first');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([keyframes.fileText(orthographic)], { type: 'application/json' }));
    link.download = PATH_FILE_NAME;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    showPath(`saved ${PATH_FILE_NAME}`);
  });
  element('copy').addEventListener('click', () => {
    if (keyframes.items.length === 0) return showPath('add a keyframe first');
    navigator.clipboard.writeText(keyframes.fileText(orthographic)).then(
      () => showPath('copied'),
      () => showPath('the browser refused the clipboard: copy from the box'),
    );
  });

  showPath(keyframes.items.length === 0 ? '' : `${keyframes.items.length} keyframes from the camera path file`);
  draw();
  window.gotracePreview = {
    ready: true,
    pose: currentPose,
    timeNs,
    pathText: () => keyframes.fileText(orthographic),
    snapshot: () => {
      api.renderFrame({ timeNs: timeNs(), camera: currentPose() });
      return Array.from(api.readPixels());
    },
  };
}

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

start().catch((error: unknown) => {
  document.body.textContent = `preview failed: ${error instanceof Error ? error.message : String(error)}`;
});
