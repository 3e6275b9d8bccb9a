/**
 * Helpers for end-to-end tests: run the built CLI, probe and decode what it
 * wrote with ffprobe/ffmpeg, and find where a point of the scene lands on
 * screen.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { PerspectiveCamera, Vector3 } from 'three';

import { findFfmpeg } from '../../src/encode/find-ffmpeg.ts';
import type { CameraPose } from '../../src/scene/contract.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PING_PONG_TRACE = join(ROOT, 'scenes', 'ping-pong', 'trace.out');

const ffmpeg = findFfmpeg().executablePath;
const ffprobe = join(dirname(ffmpeg), 'ffprobe');

/** Result of one CLI run. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `bin/gotrace-render` with `args` and waits for it. */
export function runCli(args: string[]): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'gotrace-render'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The first video stream of a file as ffprobe reports it, with the decoded frame count. */
export function probeVideo(path: string): { codec: string; pixFmt: string; width: number; height: number; frames: number } {
  const json = execFileSync(
    ffprobe,
    ['-v', 'error', '-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=codec_name,pix_fmt,width,height,nb_read_frames', '-of', 'json', path],
    { encoding: 'utf8' },
  );
  const stream = JSON.parse(json).streams[0];
  return { codec: stream.codec_name, pixFmt: stream.pix_fmt, width: stream.width, height: stream.height, frames: Number(stream.nb_read_frames) };
}

/** Decodes frame `index` of an image or video into RGB bytes. */
export function decodeFrame(path: string, index: number): Buffer {
  return execFileSync(
    ffmpeg,
    ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${index})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

/** The RGB colour at pixel (x, y) of a decoded frame `width` pixels wide. */
export function pixelAt(rgb: Buffer, width: number, x: number, y: number): [number, number, number] {
  const offset = (Math.round(y) * width + Math.round(x)) * 3;
  return [rgb[offset] as number, rgb[offset + 1] as number, rgb[offset + 2] as number];
}

/** `#rrggbb` → `[r, g, b]`. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Largest difference of one channel between two colours. */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((channel, i) => Math.abs(channel - (b[i] as number))));
}

/** The smallest colour distance to `want` among the pixels within `radius` of (x, y). */
export function nearestColourDistance(rgb: Buffer, width: number, height: number, x: number, y: number, want: readonly number[], radius: number): number {
  let best = Infinity;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= width || py >= height) continue;
      best = Math.min(best, colourDistance(pixelAt(rgb, width, px, py), want));
    }
  }
  return best;
}

/** Where the world point lands in pixels for a camera pose and output size (origin top left). */
export function projectToPixel(pose: CameraPose, width: number, height: number, point: [number, number, number]): [number, number] {
  const camera = new PerspectiveCamera(pose.fovDeg, width / height, 0.1, 100_000);
  camera.position.set(...pose.position);
  camera.lookAt(new Vector3(...pose.target));
  camera.updateMatrixWorld();
  const ndc = new Vector3(...point).project(camera);
  return [((ndc.x + 1) / 2) * width, ((1 - ndc.y) / 2) * height];
}
