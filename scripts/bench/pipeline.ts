/**
 * The render pipeline against the ways people usually capture a WebGL page:
 * the same scene (ping-pong, 1280×720, 30 fps, 10 s) rendered by our
 * pipeline, drawn only (the floor), captured by a naive screenshot loop, and
 * recorded by timecut with the system Chromium.
 */

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadTrace } from '../../src/cli/load-trace.ts';
import { findFfmpeg } from '../../src/encode/find-ffmpeg.ts';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import { BrowserSession } from '../../src/render/browser-session.ts';
import { findBrowser } from '../../src/render/find-browser.ts';
import { startPageServer } from '../../src/render/page-server.ts';
import { planFrames, renderTrace } from '../../src/render/render-trace.ts';
import { naiveScreenshotRender } from './naive-render.ts';
import { timecutRender } from './timecut-render.ts';

export const PIPELINE_SCENE = { trace: 'scenes/ping-pong/trace.out', width: 1280, height: 720, fps: 30, durationSeconds: 10 };

interface Timing {
  name: string;
  seconds: number;
  note: string;
}

/** Prints the time of each way and our speed-up over the others. */
export async function benchPipeline(): Promise<void> {
  const { trace, width, height, fps, durationSeconds } = PIPELINE_SCENE;
  const model = await loadTrace(trace);
  const dir = mkdtempSync(join(tmpdir(), 'gotrace-bench-pipeline-'));
  const browserPath = findBrowser().executablePath;
  const ffmpegPath = findFfmpeg().executablePath;
  const common = { width, height, theme: DARK_THEME, showRuntime: false, antialias: true };
  const scene = buildScene(model, common);
  const frames = planFrames({ fps, durationSeconds, camera: 'orbit' }, scene, false);
  const timings: Timing[] = [];

  const ours = await timed(() =>
    renderTrace({ model, outputPath: join(dir, 'ours.mp4'), fps, durationSeconds, camera: 'orbit', gl: 'auto', ...common }),
  );
  timings.push({ name: 'ours (readPixels → POST → ffmpeg)', seconds: ours.seconds, note: `${ours.value.backend}, ${kb(join(dir, 'ours.mp4'))}` });

  const server = await startPageServer();
  const session = await BrowserSession.open({ executablePath: browserPath, gl: 'auto', server, scene });
  const draw = await timed(async () => {
    for (const frame of frames) await session.drawFrame(frame);
  });
  const drawRead = await timed(async () => {
    for (const frame of frames) await session.drawFrame(frame, 'frame');
  });
  await session.close();
  await server.close();
  timings.push({ name: 'draw only (same page, no capture)', seconds: draw.seconds, note: 'browser already running' });
  timings.push({ name: 'draw + readPixels (no upload)', seconds: drawRead.seconds, note: 'browser already running' });

  const naive = await timed(() => naiveScreenshotRender({ browserPath, ffmpegPath, scene, frames, fps, outputPath: join(dir, 'naive.mp4') }));
  timings.push({ name: 'naive page.screenshot() loop', seconds: naive.seconds, note: kb(join(dir, 'naive.mp4')) });

  try {
    const timecut = await timed(() => timecutRender({ browserPath, ffmpegPath, scene, frames, fps, durationSeconds, outputPath: join(dir, 'timecut.mp4') }));
    timings.push({ name: 'timecut (system Chromium)', seconds: timecut.seconds, note: kb(join(dir, 'timecut.mp4')) });
  } catch (error) {
    console.log(`timecut: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  rmSync(dir, { recursive: true, force: true });

  console.log(`ping-pong ${width}x${height}, ${fps} fps, ${durationSeconds} s = ${frames.length} frames to MP4`);
  console.log('way                                   seconds  frames/s  ours is');
  for (const timing of timings) {
    const speedUp = timing.seconds / ours.seconds;
    console.log(
      `${timing.name.padEnd(37)} ${timing.seconds.toFixed(1).padStart(7)}  ${(frames.length / timing.seconds).toFixed(1).padStart(8)}  ` +
        `${speedUp.toFixed(2)}x faster   (${timing.note})`,
    );
  }
  console.log(`ours vs draw only: ${((ours.seconds / draw.seconds - 1) * 100).toFixed(0)}% over (includes browser start and encoding)`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const startedMs = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - startedMs) / 1000 };
}

function kb(path: string): string {
  return `${Math.round(statSync(path).size / 1024)} KB`;
}
