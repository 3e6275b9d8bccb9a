/**
 * The 5,000-goroutine scene at 1280×720: how long until the first frame is
 * drawn, and how many frames per second after that, for each software GL
 * backend with multisampling, with the cheaper smoothing pass, and with
 * neither. End to end into an MP4, trace
 * already read; the layout is timed on its own.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadTrace } from '../../src/cli/load-trace.ts';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { TraceModel } from '../../src/model.ts';
import type { GlBackend } from '../../src/render/browser-flags.ts';
import { renderTrace } from '../../src/render/render-trace.ts';

const TRACE = 'scenes/thousands/trace.out';
const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 30;
const FRAMES = 60;
const SMOOTHING = ['msaa', 'fxaa', 'none'] as const;
/** Each setting runs this many times, interleaved, and the best run counts: other work on the machine only ever slows a run down. */
const ROUNDS = 2;

interface Run {
  firstMs: number;
  drawingFps: number;
  endToEndFps: number;
}

/** Prints first-frame time and frame rate per backend and smoothing. */
export async function benchSceneThousands(): Promise<void> {
  const readStartMs = performance.now();
  const model = await loadTrace(TRACE);
  const readMs = performance.now() - readStartMs;
  const layoutStartMs = performance.now();
  const scene = buildScene(model, { width: WIDTH, height: HEIGHT, theme: DARK_THEME, showRuntime: false, antialias: true });
  const layoutMs = performance.now() - layoutStartMs;
  const segments = scene.goroutines.reduce((sum, goroutine) => sum + goroutine.segments.length, 0);
  console.log(
    `${TRACE}: ${scene.goroutines.length} goroutines, ${segments} segments, ${scene.arrows.length} arrows; ` +
      `read ${readMs.toFixed(0)} ms, layout ${layoutMs.toFixed(0)} ms`,
  );
  console.log(`${WIDTH}x${HEIGHT}, ${FRAMES} frames to MP4, orbit camera, legend and time counter on; best of ${ROUNDS} rounds`);
  console.log('backend      smoothing  first frame  frames/s (drawing)  frames/s (end to end)');

  const dir = mkdtempSync(join(tmpdir(), 'gotrace-bench-'));
  const settings = (['llvmpipe', 'swiftshader'] as GlBackend[]).flatMap((backend) => SMOOTHING.map((smoothing) => ({ backend, smoothing })));
  const best = new Map<string, Run>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const { backend, smoothing } of settings) {
      const key = `${backend.padEnd(12)} ${smoothing.padEnd(10)}`;
      try {
        const run = await timeRender(model, backend, smoothing, join(dir, `${backend}-${smoothing}.mp4`));
        const previous = best.get(key);
        best.set(key, {
          firstMs: Math.min(run.firstMs, previous?.firstMs ?? Infinity),
          drawingFps: Math.max(run.drawingFps, previous?.drawingFps ?? 0),
          endToEndFps: Math.max(run.endToEndFps, previous?.endToEndFps ?? 0),
        });
      } catch (error) {
        console.log(`${key} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });

  for (const [key, run] of best) {
    console.log(
      `${key} ${(run.firstMs / 1000).toFixed(2).padStart(9)} s  ${run.drawingFps.toFixed(1).padStart(18)}  ${run.endToEndFps.toFixed(1).padStart(21)}`,
    );
  }
}

/** One end-to-end render; `firstMs` counts from the call (browser start included) to the first frame encoded. */
async function timeRender(model: TraceModel, backend: GlBackend, smoothing: (typeof SMOOTHING)[number], outputPath: string): Promise<Run> {
  const startMs = performance.now();
  let firstMs = 0;
  let lastMs = 0;
  const result = await renderTrace({
    model,
    outputPath,
    width: WIDTH,
    height: HEIGHT,
    fps: FPS,
    durationSeconds: FRAMES / FPS,
    camera: 'orbit',
    theme: DARK_THEME,
    showRuntime: false,
    antialias: smoothing === 'msaa',
    gl: backend,
    scene: { legend: true, title: '5,000 goroutines', fxaa: smoothing === 'fxaa' },
    onProgress: (done) => {
      lastMs = performance.now() - startMs;
      if (done === 1) firstMs = lastMs;
    },
  });
  return {
    firstMs,
    drawingFps: (result.frameCount - 1) / ((lastMs - firstMs) / 1000),
    endToEndFps: result.frameCount / (result.elapsedMs / 1000),
  };
}
