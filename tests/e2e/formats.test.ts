/**
 * End to end, one render per remaining format, plus the frame-loop options:
 * parallel pages must not change a byte, and chunks joined with `concat`
 * must give the single render's frames.
 */

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { findFfmpeg } from '../../src/encode/find-ffmpeg.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import { colourDistance, decodeFrame, hexToRgb, PING_PONG_TRACE, pixelAt, probeVideo, ROOT, runCli } from './helpers.ts';

const WIDTH = 320;
const HEIGHT = 180;
const SMALL = ['--size', `${WIDTH}x${HEIGHT}`, '--fps', '10', '--quiet'];
const dir = mkdtempSync(join(tmpdir(), 'gotrace-formats-'));
const background = hexToRgb(DARK_THEME.background);

/** Every frame of a video decoded to RGB bytes, one after another. */
function decodeAll(path: string): Buffer {
  return execFileSync(findFfmpeg().executablePath, ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], {
    maxBuffer: 256 * 1024 * 1024,
  });
}

function render(out: string, ...args: string[]): void {
  const run = runCli(['render', PING_PONG_TRACE, '-o', out, ...SMALL, ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

describe('formats', () => {
  it('writes VP9 WebM whose flat background keeps its colour', () => {
    const out = join(dir, 'clip.webm');
    render(out, '--duration', '0.8');
    expect(probeVideo(out)).toEqual({ codec: 'vp9', pixFmt: 'yuv420p', width: WIDTH, height: HEIGHT, frames: 8 });
    expect(colourDistance(pixelAt(decodeFrame(out, 7), WIDTH, 3, 3), background)).toBeLessThanOrEqual(4);
  });

  it('writes an animated PNG with every frame', () => {
    const out = join(dir, 'clip.apng');
    render(out, '--duration', '0.6');
    expect(probeVideo(out)).toMatchObject({ codec: 'apng', pixFmt: 'rgb24', width: WIDTH, height: HEIGHT, frames: 6 });
    expect(pixelAt(decodeFrame(out, 5), WIDTH, 3, 3)).toEqual(background);
  });

  it('rounds an odd video size up to even instead of failing', () => {
    const out = join(dir, 'odd.mp4');
    const run = runCli(['render', PING_PONG_TRACE, '-o', out, '--size', '321x181', '--fps', '10', '--duration', '0.3']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('rendering 322x182 instead of 321x181');
    expect(probeVideo(out)).toMatchObject({ width: 322, height: 182, frames: 3 });
  });
});

describe('frame loop', () => {
  it('gives byte-identical output with two pages in parallel', () => {
    const one = join(dir, 'one.mp4');
    const two = join(dir, 'two.mp4');
    render(one, '--duration', '1.2');
    render(two, '--duration', '1.2', '--concurrency', '2');
    expect(readFileSync(two).equals(readFileSync(one))).toBe(true);
  });

  it('joins chunks into the frames of the single render', () => {
    const whole = join(dir, 'whole.mp4');
    const parts = [join(dir, 'part1.mp4'), join(dir, 'part2.mp4')];
    // Lossless encoding makes every decoded frame exact, so the comparison can be byte for byte.
    render(whole, '--duration', '1.4', '--crf', '0');
    render(parts[0]!, '--duration', '1.4', '--crf', '0', '--frames', '0-5');
    render(parts[1]!, '--duration', '1.4', '--crf', '0', '--frames', '6-');
    const joined = join(dir, 'joined.mp4');
    expect(runCli(['concat', ...parts, '-o', joined, '--quiet']).status).toBe(0);

    expect(probeVideo(joined).frames).toBe(14);
    expect(decodeAll(joined).equals(decodeAll(whole))).toBe(true);

    // Parts rendered with other settings are refused before anything is written.
    const mismatched = runCli(['concat', parts[0]!, join(dir, 'odd.mp4'), '-o', join(dir, 'bad-join.mp4')]);
    expect(mismatched.status).toBe(2);
    expect(mismatched.stderr).toMatch(/^error: concat: part .*odd\.mp4 is h264 322x182 at 10 fps but .*part1\.mp4 is h264 320x180 at 10 fps/);
    expect(existsSync(join(dir, 'bad-join.mp4'))).toBe(false);
  });

  it('refuses a frame range outside the clip', () => {
    const run = runCli(['render', PING_PONG_TRACE, '-o', join(dir, 'x.mp4'), ...SMALL, '--duration', '1', '--frames', '20-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: --frames 20-30: the clip has 10 frames, numbered 0-9\n');
  });

  it('stops cleanly on Ctrl-C: exit 130, one line, nothing left behind', async () => {
    const folder = join(dir, 'interrupted');
    mkdirSync(folder);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'gotrace-render'), 'render', PING_PONG_TRACE, '-o', join(folder, 'long.mp4'), ...SMALL, '--duration', '60']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Wait until the render is under way (the partial file exists), then interrupt it.
    while (readdirSync(folder).length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(status).toBe(130);
    expect(stderr).toBe('error: stopped by SIGINT; no output was written\n');
    expect(readdirSync(folder)).toEqual([]);
  });
});
