/**
 * The `render` flags that shape encoding and the frame loop: quality,
 * GIF palette, looping, frame ranges and parallel pages.
 */

import { Option, type Command } from 'commander';

import { DEFAULT_GIF, MP4_PRESET, type GifDither, type GifOptions } from '../encode/ffmpeg-args.ts';
import type { OutputKind } from '../encode/output-kind.ts';
import { UsageError } from '../errors.ts';

/** The flags as commander hands them over. */
export interface EncodeFlags {
  crf?: string;
  preset?: string;
  gifColors?: string;
  gifDither?: string;
  loop?: string;
  everyNthFrame?: string;
  frames?: string;
  concurrency?: string;
}

/** Parsed encoding settings. */
export interface EncodeSettings {
  crf?: number;
  preset: string;
  gif: GifOptions;
  loopCount: number;
  /** Keep one frame in this many (GIF size); 1 keeps all. */
  frameStep: number;
  /** Inclusive range of clip frames to render, or all. */
  frameRange?: { first: number; last: number };
  concurrency: number;
}

export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow'];
export const GIF_DITHERS: readonly GifDither[] = ['none', 'bayer', 'floyd_steinberg', 'sierra2', 'sierra2_4a'];
const MAX_CONCURRENCY = 16;

/** Adds the encoding flags to a command. */
export function addEncodeOptions(command: Command): Command {
  return command
    .option('--crf <n>', 'quality for .mp4 (0-51, default 18) and .webm (0-63, default 30); lower is better and larger')
    .addOption(new Option('--preset <name>', 'x264 speed preset for .mp4').choices(X264_PRESETS).default(MP4_PRESET))
    .option('--gif-colors <n>', 'colours in the GIF palette, 2-256 (default 128)')
    .addOption(new Option('--gif-dither <mode>', 'GIF dithering').choices(GIF_DITHERS).default(DEFAULT_GIF.dither))
    .option('--loop <n>', 'times a GIF or APNG plays; 0 loops forever (default 0)')
    .option('--every-nth-frame <n>', 'keep one frame in n (smaller GIFs): the frame rate drops n times')
    .option('--frames <range>', 'render only frames FIRST-LAST of the clip (from 0), e.g. 0-299 or 300-; join parts with concat')
    .option('--concurrency <n>', 'browser pages drawing in parallel (default 1; helps on machines with many cores)');
}

/** Validates the encoding flags for an output of `kind`. */
export function parseEncodeFlags(flags: EncodeFlags, kind: OutputKind): EncodeSettings {
  if (flags.crf !== undefined && kind !== 'mp4' && kind !== 'webm') {
    throw new UsageError(`--crf applies to .mp4 and .webm outputs only`);
  }
  if (flags.loop !== undefined && kind !== 'gif' && kind !== 'apng') {
    throw new UsageError(`--loop applies to .gif and .apng outputs only`);
  }
  const crf = flags.crf === undefined ? undefined : integerIn(flags.crf, '--crf', 0, kind === 'webm' ? 63 : 51);

  const preset = flags.preset ?? MP4_PRESET;
  if (!X264_PRESETS.includes(preset)) {
    throw new UsageError(`--preset '${preset}': expected one of ${X264_PRESETS.join(', ')}`);
  }

  const dither = (flags.gifDither ?? DEFAULT_GIF.dither) as GifDither;
  if (!GIF_DITHERS.includes(dither)) {
    throw new UsageError(`--gif-dither '${dither}': expected one of ${GIF_DITHERS.join(', ')}`);
  }
  const colors = flags.gifColors === undefined ? DEFAULT_GIF.colors : integerIn(flags.gifColors, '--gif-colors', 2, 256);

  return {
    ...(crf === undefined ? {} : { crf }),
    preset,
    gif: { colors, dither },
    loopCount: flags.loop === undefined ? 0 : integerIn(flags.loop, '--loop', 0, 65535),
    frameStep: flags.everyNthFrame === undefined ? 1 : integerIn(flags.everyNthFrame, '--every-nth-frame', 1, 100),
    ...(flags.frames === undefined ? {} : { frameRange: parseFrameRange(flags.frames) }),
    concurrency: flags.concurrency === undefined ? 1 : integerIn(flags.concurrency, '--concurrency', 1, MAX_CONCURRENCY),
  };
}

/** `0-299` → `{ first: 0, last: 299 }`; `300-` runs to the end (`last` = Infinity); `42` is one frame. */
export function parseFrameRange(text: string): { first: number; last: number } {
  const match = /^(\d+)(?:-(\d*))?$/.exec(text.trim());
  if (match === null) {
    throw new UsageError(`--frames '${text}': expected FIRST-LAST frame numbers counted from 0, e.g. 0-299 or 300-`);
  }
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : match[2] === '' ? Infinity : Number(match[2]);
  if (last < first) throw new UsageError(`--frames '${text}': the last frame comes before the first`);
  return { first, last };
}

function integerIn(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} '${text}': expected a whole number from ${min} to ${max}`);
  }
  return value;
}
