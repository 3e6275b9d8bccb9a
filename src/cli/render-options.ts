/**
 * Turning the `render` command's flags into validated render settings.
 */

import { needsEvenSize, outputKindOf, type OutputKind } from '../encode/output-kind.ts';
import { UsageError } from '../errors.ts';
import type { GlChoice } from '../render/browser-session.ts';
import { snapGifFps } from '../render/frame-clock.ts';
import type { Theme } from '../scene/contract.ts';
import { checkCameraFlag } from './camera-options.ts';
import type { DrawingFlags } from './drawing-options.ts';
import { parseThemeFlag } from './scene-options.ts';

/** The flags as commander hands them over (strings, unparsed). */
export interface RenderFlags extends DrawingFlags {
  output: string;
  size?: string;
  fps?: string;
  duration?: string;
  camera: string;
  at?: string;
}

/** Parsed settings, plus notices for the user about adjusted values. */
export interface RenderSettings {
  kind: OutputKind;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  /** A preset name or a camera path file; read by `parseCameraFlags` once the trace is loaded. */
  camera: string;
  theme: Theme;
  gl: GlChoice;
  notices: string[];
}

/** Defaults per output kind: GIFs are smaller and slower by default so they stay light. */
export const DEFAULT_SIZE: Record<OutputKind, [number, number]> = {
  mp4: [1280, 720],
  webm: [1280, 720],
  png: [1280, 720],
  'png-sequence': [1280, 720],
  apng: [640, 360],
  gif: [640, 360],
};
export const DEFAULT_FPS: Record<OutputKind, number> = { mp4: 30, webm: 30, png: 30, 'png-sequence': 30, apng: 25, gif: 25 };
export const DEFAULT_DURATION_SECONDS = 8;
const MAX_SIDE_PX = 7680;
const GL_CHOICES = ['auto', 'llvmpipe', 'swiftshader'];

/** Validates the flags; every problem is a {@link UsageError} naming the flag and a fix. */
export function parseRenderFlags(flags: RenderFlags): RenderSettings {
  const kind = outputKindOf(flags.output);
  const notices: string[] = [];
  let [width, height] = flags.size === undefined ? DEFAULT_SIZE[kind] : parseSize(flags.size);

  if (needsEvenSize(kind) && (width % 2 !== 0 || height % 2 !== 0)) {
    const even = `${width + (width % 2)}x${height + (height % 2)}`;
    notices.push(`${kind.toUpperCase()} video needs an even width and height; rendering ${even} instead of ${width}x${height}`);
    width += width % 2;
    height += height % 2;
  }

  let fps = flags.fps === undefined ? DEFAULT_FPS[kind] : parsePositive(flags.fps, '--fps', 240);
  if (kind === 'gif') {
    const snapped = snapGifFps(fps);
    if (snapped !== fps) notices.push(`GIF players cannot show ${fps} fps exactly; using ${snapped} fps`);
    fps = snapped;
  }

  const durationSeconds =
    flags.duration === undefined ? DEFAULT_DURATION_SECONDS : parsePositive(flags.duration.replace(/s$/, ''), '--duration', 3600);

  checkCameraFlag(flags.camera);
  if (!GL_CHOICES.includes(flags.gl)) {
    throw new UsageError(`--gl '${flags.gl}': expected one of ${GL_CHOICES.join(', ')}`);
  }
  const theme = parseThemeFlag(flags.theme);
  if (flags.at !== undefined && kind !== 'png') {
    throw new UsageError(`--at only applies to a single .png still, not to ${flags.output}`);
  }

  return {
    kind,
    width,
    height,
    fps,
    durationSeconds,
    camera: flags.camera,
    theme,
    gl: flags.gl as GlChoice,
    notices,
  };
}

/** `1280x720` → `[1280, 720]`. */
export function parseSize(text: string): [number, number] {
  const match = /^(\d+)[x×](\d+)$/i.exec(text.trim());
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (match === null || width < 16 || height < 16 || width > MAX_SIDE_PX || height > MAX_SIDE_PX) {
    throw new UsageError(`--size '${text}': expected WIDTHxHEIGHT between 16 and ${MAX_SIDE_PX} pixels, e.g. 1280x720`);
  }
  return [width, height];
}

function parsePositive(text: string, flag: string, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new UsageError(`${flag} '${text}': expected a number above 0 and at most ${max}`);
  }
  return value;
}
