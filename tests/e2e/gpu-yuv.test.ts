/**
 * End to end, MP4 frames converted to YUV by the page against the same
 * frames taken the RGBA way (a PNG sequence, the path GIF and PNG still
 * use): the planes must be what ffmpeg's own BT.709 conversion makes of the
 * PNGs, and colours must survive at the background and on goroutine lines.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadTrace } from '../../src/cli/load-trace.ts';
import { findFfmpeg } from '../../src/encode/find-ffmpeg.ts';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import { planFrames } from '../../src/render/render-trace.ts';
import type { SceneData } from '../../src/scene/contract.ts';
import { colourDistance, decodeFrame, PING_PONG_TRACE, pixelAt, probeVideo, projectToPixel, runCli } from './helpers.ts';

const WIDTH = 480;
const HEIGHT = 270;
const FRAMES = 10;
const CLIP = ['--size', `${WIDTH}x${HEIGHT}`, '--fps', '10', '--duration', '1', '--camera', 'static', '--quiet'];
const dir = mkdtempSync(join(tmpdir(), 'gotrace-yuv-'));
const mp4 = join(dir, 'clip.mp4');
const pngs = join(dir, 'frames', '%02d.png');

let scene: SceneData;

beforeAll(async () => {
  scene = buildScene(await loadTrace(PING_PONG_TRACE), { width: WIDTH, height: HEIGHT, theme: DARK_THEME, showRuntime: false, antialias: true });
  // Lossless, so what is compared is the conversion, not the encoder.
  for (const out of [[mp4, '--crf', '0'], [pngs]]) {
    const run = runCli(['render', PING_PONG_TRACE, '-o', ...out, ...CLIP]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }
}, 120_000);

/** Every frame as raw yuv420p: `input` decoded, through ffmpeg's BT.709 limited-range conversion when it is RGB. */
function planes(input: string): Buffer {
  return execFileSync(
    findFfmpeg().executablePath,
    ['-v', 'error', '-i', input, '-vf', 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p', '-f', 'rawvideo', 'pipe:1'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

describe('MP4 through the GPU YUV conversion', () => {
  it("matches ffmpeg's conversion of the RGBA frames, plane by plane", () => {
    expect(probeVideo(mp4)).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: WIDTH, height: HEIGHT, frames: FRAMES });
    const got = planes(mp4);
    const want = planes(pngs);
    expect(got.length).toBe(want.length);
    const frameBytes = (WIDTH * HEIGHT * 3) / 2;
    let worstLuma = 0;
    let worstChroma = 0;
    let chromaOff = 0;
    for (let i = 0; i < got.length; i++) {
      const levels = Math.abs(got[i]! - want[i]!);
      if (i % frameBytes < WIDTH * HEIGHT) {
        worstLuma = Math.max(worstLuma, levels);
      } else {
        worstChroma = Math.max(worstChroma, levels);
        if (levels > 2) chromaOff++;
      }
    }
    expect(worstLuma).toBeLessThanOrEqual(2);
    // Chroma is the mean of each 2×2 block; ffmpeg's filter reaches a little
    // wider, which shows only along edges.
    expect(chromaOff / (got.length / 3)).toBeLessThan(0.05);
    expect(worstChroma).toBeLessThanOrEqual(16);
  });

  it('keeps the background and the goroutine line colours of the RGBA frames', () => {
    const last = FRAMES - 1;
    const fromMp4 = decodeFrame(mp4, last);
    const fromPng = decodeFrame(pngs.replace('%02d', String(last).padStart(2, '0')), 0);
    for (const [x, y] of [[2, 2], [WIDTH - 3, HEIGHT - 3], [WIDTH / 2, 4]] as const) {
      expect(colourDistance(pixelAt(fromMp4, WIDTH, x, y), pixelAt(fromPng, WIDTH, x, y)), `background at (${x}, ${y})`).toBeLessThanOrEqual(3);
    }

    // The middle of the longest finished segment of each of the first goroutines.
    const frame = planFrames({ fps: 10, durationSeconds: 1, camera: 'static' }, scene, false)[last]!;
    const lines = scene.goroutines.slice(0, 3).map((goroutine) => {
      const longest = [...goroutine.segments].sort((a, b) => b.endNs - b.startNs - (a.endNs - a.startNs))[0]!;
      const midNs = (longest.startNs + longest.endNs) / 2;
      return projectToPixel(frame.camera, WIDTH, HEIGHT, [goroutine.x, scene.topY - midNs * scene.unitsPerNs, goroutine.z]);
    });
    expect(lines.length).toBe(3);
    for (const [x, y] of lines) {
      const want = pixelAt(fromPng, WIDTH, x, y);
      expect(colourDistance(want, pixelAt(fromPng, WIDTH, 2, 2)), `a line is drawn at (${x.toFixed(0)}, ${y.toFixed(0)})`).toBeGreaterThan(40);
      // Lines are a few pixels wide, so 4:2:0 mixes some background into their colour (ffmpeg's own conversion does the same).
      expect(colourDistance(pixelAt(fromMp4, WIDTH, x, y), want), `line colour at (${x.toFixed(0)}, ${y.toFixed(0)})`).toBeLessThanOrEqual(20);
    }
  });
});
