/**
 * The main job: a read trace becomes an MP4, a GIF, a PNG still or a PNG
 * sequence. Wires the layout, the browser, the clock and ffmpeg together and
 * cleans up on every exit path.
 */

import { cameraPose, type CameraPreset } from '../camera/camera-path.ts';
import { ffmpegArgs } from '../encode/ffmpeg-args.ts';
import { FfmpegProcess } from '../encode/ffmpeg-process.ts';
import { findFfmpeg } from '../encode/find-ffmpeg.ts';
import { prepareOutput } from '../encode/output-file.ts';
import { isStill, outputKindOf } from '../encode/output-kind.ts';
import { RenderError } from '../errors.ts';
import { buildScene } from '../layout/build-scene.ts';
import type { TraceModel } from '../model.ts';
import type { FrameState, SceneData, Theme } from '../scene/contract.ts';
import type { GlBackend } from './browser-flags.ts';
import { BrowserSession, type GlChoice } from './browser-session.ts';
import { findBrowser } from './find-browser.ts';
import { frameCountFor, frameProgress, frameTimeNs } from './frame-clock.ts';
import { startPageServer, type PageServer } from './page-server.ts';

/** Everything a render needs, already validated. */
export interface RenderOptions {
  model: TraceModel;
  outputPath: string;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  camera: CameraPreset;
  theme: Theme;
  showRuntime: boolean;
  /** For a PNG still: the trace time to show. */
  atNs?: number;
  antialias: boolean;
  gl: GlChoice;
  browserPath?: string;
  ffmpegPath?: string;
  /** Called after each frame with frames done and the total. */
  onProgress?: (framesDone: number, frameCount: number) => void;
}

/** What a finished render produced. */
export interface RenderResult {
  outputs: string[];
  frameCount: number;
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

  const scene = buildScene(options.model, {
    width: options.width,
    height: options.height,
    theme: options.theme,
    showRuntime: options.showRuntime,
    antialias: options.antialias,
  });
  const frames = planFrames(options, scene, isStill(kind));

  const output = await prepareOutput(options.outputPath, kind);
  const encoder = new FfmpegProcess(
    ffmpeg.executablePath,
    ffmpegArgs({
      kind,
      width: options.width,
      height: options.height,
      fps: options.fps,
      outputPath: output.writePath,
      alpha: options.theme.backgroundAlpha < 1,
    }),
  );
  let server: PageServer | undefined;
  let session: BrowserSession | undefined;

  try {
    server = await startPageServer();
    session = await BrowserSession.open({ executablePath: browser.executablePath, gl: options.gl, server, scene });
    const expectedBytes = options.width * options.height * 4;
    server.onFrame(async (_index, rgba) => {
      if (rgba.length !== expectedBytes) {
        throw new RenderError(`the page sent ${rgba.length} bytes for a frame, expected ${expectedBytes}`);
      }
      await encoder.write(rgba);
    });

    for (let i = 0; i < frames.length; i++) {
      await session.captureFrame(i, frames[i] as FrameState);
      options.onProgress?.(i + 1, frames.length);
    }
    await session.close();
    await encoder.finish();

    const outputs = await output.commit();
    return {
      outputs,
      frameCount: frames.length,
      backend: session.backend,
      renderer: session.renderer,
      elapsedMs: performance.now() - startedMs,
    };
  } catch (error) {
    await encoder.abort();
    await output.discard();
    throw error;
  } finally {
    await session?.close();
    await server?.close();
  }
}

/** The frame states of the whole render: one for a still, else one per frame of the clip. */
export function planFrames(
  options: Pick<RenderOptions, 'fps' | 'durationSeconds' | 'camera' | 'atNs'>,
  scene: SceneData,
  still: boolean,
): FrameState[] {
  const durationNs = scene.durationNs;
  if (still) {
    const timeNs = options.atNs ?? durationNs;
    const progress = durationNs > 0 ? timeNs / durationNs : 1;
    return [{ timeNs, camera: cameraPose(options.camera, scene, progress) }];
  }
  const frameCount = frameCountFor(options.durationSeconds, options.fps);
  return Array.from({ length: frameCount }, (_, i) => ({
    timeNs: frameTimeNs(i, frameCount, durationNs),
    camera: cameraPose(options.camera, scene, frameProgress(i, frameCount)),
  }));
}
