/**
 * GL backends: each one draws the ping-pong scene at 1280×720 with and
 * without multisampling, end to end into an MP4.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadTrace } from '../../src/cli/load-trace.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { GlBackend } from '../../src/render/browser-flags.ts';
import { renderTrace } from '../../src/render/render-trace.ts';

const TRACE = 'scenes/ping-pong/trace.out';
const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 30;
const FRAMES = 90;

interface Row {
  backend: GlBackend;
  antialias: boolean;
  framesPerSecond: number;
  renderer: string;
}

/** Prints frames per second per backend and antialiasing setting. */
export async function benchGlBackends(): Promise<void> {
  const model = await loadTrace(TRACE);
  const dir = mkdtempSync(join(tmpdir(), 'gotrace-bench-'));
  const rows: Row[] = [];

  for (const backend of ['llvmpipe', 'swiftshader'] as const) {
    for (const antialias of [true, false]) {
      try {
        const result = await renderTrace({
          model,
          outputPath: join(dir, `${backend}-${antialias}.mp4`),
          width: WIDTH,
          height: HEIGHT,
          fps: FPS,
          durationSeconds: FRAMES / FPS,
          camera: 'orbit',
          theme: DARK_THEME,
          showRuntime: false,
          antialias,
          gl: backend,
        });
        rows.push({ backend, antialias, framesPerSecond: result.frameCount / (result.elapsedMs / 1000), renderer: result.renderer });
      } catch (error) {
        console.log(`${backend} antialias=${antialias}: failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });

  const baseline = rows.find((row) => row.backend === 'swiftshader' && row.antialias)?.framesPerSecond;
  console.log(`ping-pong, ${WIDTH}x${HEIGHT}, ${FRAMES} frames to MP4, end to end (browser start included)`);
  console.log('backend      antialias  frames/s  vs SwiftShader+MSAA');
  for (const row of rows) {
    const ratio = baseline === undefined ? '' : `${(row.framesPerSecond / baseline).toFixed(2)}x`;
    console.log(`${row.backend.padEnd(12)} ${String(row.antialias).padEnd(10)} ${row.framesPerSecond.toFixed(1).padStart(8)}  ${ratio}`);
  }
  console.log(`renderers: ${[...new Set(rows.map((row) => row.renderer))].join(' | ')}`);
}
