/**
 * The main job: a read trace becomes an MP4, a GIF, a PNG still or a PNG
 * sequence. Wires the layout, the browser, the clock and ffmpeg together and
 * cleans up on every exit path.
 */

import { stat } from 'node:fs/promises';

import { planPose, type CameraPlan } from '../camera/camera-plan.ts';
import { ffmpegArgs, frameFormatFor, type GifOptions } from '../encode/ffmpeg-args.ts';
import { FfmpegProcess } from '../encode/ffmpeg-process.ts';
import { findFfmpeg } from '../encode/find-ffmpeg.ts';
import { prepareOutput } from '../encode/output-file.ts';
import { isStill, outputKindOf } from '../encode/output-kind.ts';
import { RenderError, UsageError } from '../errors.ts';
import { buildScene, type SceneSettings } from '../layout/build-scene.ts';
import type { TraceModel } from '../model.ts';
import type { FrameState, SceneData, Theme } from '../scene/contract.ts';
import { sceneY, timeAtProgress } from '../scene/time-axis.ts';
import { i420FrameBytes } from '../scene/i420-layout.ts';
import type { GlBackend } from './browser-flags.ts';
import { BrowserSession, type GlChoice } from './browser-session.ts';
import { captureFrames } from './capture-loop.ts';
import { findBrowser } from './find-browser.ts';
import { frameCountFor, frameProgress, frameTimeNs } from './frame-clock.ts';
import { FrameOrderer } from './frame-orderer.ts';
import { startPageServer, type PageServer } from './page-server.ts';

/** Everything a render needs, already validated. */
export interface RenderOptions {
  model: TraceModel;
  outputPath: string;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  /** A preset name, a preset with options, or a keyframe path. */
  camera: CameraPlan;
  theme: Theme;
  showRuntime: boolean;
  /** For a PNG still: the trace time to show. */
  atNs?: number;
  /** Several stills in one run: one frame per time, written as a PNG sequence numbered from 0. */
  stillTimesNs?: readonly number[];
  antialias: boolean;
  gl: GlChoice;
  browserPath?: string;
  ffmpegPath?: string;
  /** Encoder quality settings; defaults suit most clips. */
  encode?: { crf?: number; preset?: string; gif?: GifOptions; loopCount?: number };
  /** Inclusive range of the clip's frames to render (chunks joined later with concat); all by default. */
  frameRange?: { first: number; last: number };
  /** Browser pages drawing in parallel; 1 by default. */
  concurrency?: number;
  /** Layout, labels, overlays and time mapping; defaults for every field left out. */
  scene?: SceneSettings;
  /** Stops the render early; its reason (an Error) is what `renderTrace` then throws. */
  signal?: AbortSignal;
  /** Called after each frame with frames done and the total. */
  onProgress?: (framesDone: number, frameCount: number) => void;
}

/** What a finished render produced. */
export interface RenderResult {
  outputs: string[];
  /** Frames written. */
  frameCount: number;
  /** Bytes written, all outputs together. */
  bytes: number;
  backend: GlBackend;
  renderer: string;
  elapsedMs: number;
}

/**
 * Renders `model` to `outputPath` (kind chosen by extension). The output
 * appears only when complete; a failure removes everything it wrote.
 */
export async function renderTrace(options: RenderOptions): Promise<RenderResult> {
  const startedMs = performance.now();
  const kind = outputKindOf(options.outputPath);
  const ffmpeg = findFfmpeg(options.ffmpegPath);
  const browser = findBrowser(options.browserPath);

  const alpha = options.theme.backgroundAlpha < 1;
  // MP4 and opaque WebM frames are converted to YUV by the page, which then moves 1.5 bytes a pixel instead of 4.
  const frameFormat = frameFormatFor(kind, alpha, options.width, options.height);
  const scene: SceneData = {
    ...buildScene(options.model, {
      width: options.width,
      height: options.height,
      theme: options.theme,
      showRuntime: options.showRuntime,
      antialias: options.antialias,
      ...options.scene,
    }),
    readback: frameFormat,
  };
  const { frames, firstFrame } = selectFrames(planFrames(options, scene, isStill(kind)), options.frameRange);

  const output = await prepareOutput(options.outputPath, kind);
  const encoder = new FfmpegProcess(
    ffmpeg.executablePath,
    ffmpegArgs({
      kind,
      width: options.width,
      height: options.height,
      fps: options.fps,
      outputPath: output.writePath,
      alpha,
      frameFormat,
      startNumber: firstFrame,
      ...options.encode,
    }),
  );
  const expectedBytes = frameFormat === 'yuv420p' ? i420FrameBytes(options.width, options.height) : options.width * options.height * 4;
  // The first failure on the Node side (ffmpeg, a bad frame); the pages only see it as a refused upload.
  let sinkError: unknown = undefined;
  const orderer = new FrameOrderer(async (frameBytes) => {
    try {
      if (frameBytes.length !== expectedBytes) {
        throw new RenderError(`the page sent ${frameBytes.length} bytes for a frame, expected ${expectedBytes}`);
      }
      await encoder.write(frameBytes);
    } catch (error) {
      sinkError ??= error;
      throw error;
    }
  });
  let server: PageServer | undefined;
  const sessions: BrowserSession[] = [];
  const stop = (): void => orderer.fail(options.signal?.reason ?? new RenderError('the render was stopped'));
  options.signal?.addEventListener('abort', stop);

  try {
    server = await startPageServer();
    server.onFrame((index, frameBytes) => orderer.accept(index, frameBytes));
    const pageCount = Math.max(1, Math.min(options.concurrency ?? 1, frames.length));
    for (let i = 0; i < pageCount; i++) {
      sessions.push(await BrowserSession.open({ executablePath: browser.executablePath, gl: options.gl, server, scene }));
      options.signal?.throwIfAborted();
    }

    await captureFrames(sessions, frames, orderer, options.onProgress);
    await Promise.all(sessions.map((session) => session.close()));
    await encoder.finish();

    const outputs = await output.commit();
    const first = sessions[0] as BrowserSession;
    return {
      outputs,
      frameCount: frames.length,
      bytes: await totalBytes(outputs),
      backend: first.backend,
      renderer: first.renderer,
      elapsedMs: performance.now() - startedMs,
    };
  } catch (error) {
    await encoder.abort();
    await output.discard();
    // When stopped on purpose, say so rather than how the pages noticed.
    throw options.signal?.aborted ? options.signal.reason : (sinkError ?? error);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await Promise.all(sessions.map((session) => session.close()));
    await server?.close();
  }
}

/**
 * The frames of `range` (inclusive, `last` may be Infinity) out of the whole
 * clip, and the number of the first one.
 */
export function selectFrames(all: FrameState[], range: { first: number; last: number } | undefined): { frames: FrameState[]; firstFrame: number } {
  if (range === undefined) return { frames: all, firstFrame: 0 };
  const lastIndex = all.length - 1;
  const label = `--frames ${range.first}-${range.last === Infinity ? '' : range.last}`;
  if (range.first > lastIndex) {
    throw new UsageError(`${label}: the clip has ${all.length} frame${all.length === 1 ? '' : 's'}, numbered 0-${lastIndex}`);
  }
  if (range.last !== Infinity && range.last > lastIndex) {
    throw new UsageError(`${label}: the clip has ${all.length} frames, numbered 0-${lastIndex} (use ${range.first}- to render to the end)`);
  }
  return { frames: all.slice(range.first, Math.min(range.last, lastIndex) + 1), firstFrame: range.first };
}

async function totalBytes(paths: readonly string[]): Promise<number> {
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path)).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** The frame states of the whole render: one for a still, else one per frame of the clip. */
export function planFrames(
  options: Pick<RenderOptions, 'fps' | 'durationSeconds' | 'camera' | 'atNs' | 'stillTimesNs'>,
  scene: SceneData,
  still: boolean,
): FrameState[] {
  const durationNs = scene.durationNs;
  if (options.stillTimesNs !== undefined) return options.stillTimesNs.map((timeNs) => stillFrame(options.camera, scene, timeNs));
  if (still) return [stillFrame(options.camera, scene, options.atNs ?? durationNs)];
  const frameCount = frameCountFor(options.durationSeconds, options.fps);
  return Array.from({ length: frameCount }, (_, i) => {
    const progress = frameProgress(i, frameCount);
    // A compressed time axis moves evenly in height, not in time.
    const timeNs = scene.timeKnots === undefined ? frameTimeNs(i, frameCount, durationNs) : timeAtProgress(scene, progress);
    return { timeNs, camera: planPose(options.camera, scene, progress, timeNs) };
  });
}

/** The frame a still at `timeNs` shows: the pose a clip would have when it passes that moment. */
function stillFrame(camera: RenderOptions['camera'], scene: SceneData, timeNs: number): FrameState {
  // The share of the axis's height already drawn: what a clip's frame at this moment would use.
  const bottomY = sceneY(scene, scene.durationNs);
  const progress = bottomY === scene.topY ? 1 : (scene.topY - sceneY(scene, timeNs)) / (scene.topY - bottomY);
  return { timeNs, camera: planPose(camera, scene, progress, timeNs) };
}
