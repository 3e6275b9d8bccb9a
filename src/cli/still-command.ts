/**
 * `gotrace-render still TRACE --at 40% -o slide.png`: PNG stills for slides
 * and posts, one per `--at`, with size presets, a scale factor for crisp
 * slides and an optional clear background. All stills appear together, or
 * none does.
 */

import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { renderTrace } from '../render/render-trace.ts';
import { parseTimeSpec, resolveTimeSpec } from '../render/time-spec.ts';
import { addCameraOptions, parseCameraFlags, type CameraFlags } from './camera-options.ts';
import { withInterrupts } from './interrupts.ts';
import { loadTrace, requireDrawable } from './load-trace.ts';
import { parseRenderFlags, parseSize } from './render-options.ts';
import { addDrawingOptions, type DrawingFlags } from './drawing-options.ts';
import { addSceneOptions, parseSceneFlags, type SceneFlags } from './scene-options.ts';

/** Named sizes for slides and screens, in pixels before `--scale`. */
export const SIZE_PRESETS: Record<string, [number, number]> = {
  '720p': [1280, 720],
  '1080p': [1920, 1080],
  '4k': [3840, 2160],
  '4:3': [1440, 1080],
};

const DEFAULT_SIZE = '1080p';
const MAX_SCALE = 4;
const MAX_SIDE_PX = 7680;
const NUMBER_PATTERN = /%0?(\d*)d/;

/** The flags as commander hands them over. */
export interface StillFlags extends SceneFlags, CameraFlags, DrawingFlags {
  output: string;
  at?: string[];
  size?: string;
  scale?: string;
  transparent?: boolean;
}

/** Registers `still` on the program. */
export function addStillCommand(program: Command): void {
  const still = program
    .command('still')
    .description('render PNG stills of a trace at chosen moments, for slides and posts')
    .argument('<trace>', 'trace file: Go execution trace or gotrace JSON')
    .requiredOption('-o, --output <file.png>', 'PNG to write; with several --at a pattern like slide-%d.png (numbered from 1)')
    .option('--at <time>', 'moment to show: 40%, 2.5s, 120ms; repeat for several stills; the end when left out', collect, [])
    .option('--size <preset|WxH>', `${Object.keys(SIZE_PRESETS).join(', ')} or WIDTHxHEIGHT (default ${DEFAULT_SIZE})`)
    .option('--scale <factor>', `multiply the size, e.g. 2 for crisp slides on high-density screens (up to ${MAX_SCALE})`)
    .option('--transparent', 'clear background (PNG with alpha), whatever the theme');
  addCameraOptions(addSceneOptions(addDrawingOptions(still))).action(stillCommand);
}

/** `720p`, `4:3`, `800x600`, times `scale` (rounded to whole pixels). */
export function parseStillSize(size: string | undefined, scale: string | undefined): [number, number] {
  const text = size ?? DEFAULT_SIZE;
  const [width, height] = SIZE_PRESETS[text.toLowerCase()] ?? parseSizeOrPreset(text);
  const factor = scale === undefined ? 1 : Number(scale);
  if (!Number.isFinite(factor) || factor <= 0 || factor > MAX_SCALE) {
    throw new UsageError(`--scale '${scale}': expected a number above 0 and at most ${MAX_SCALE}, e.g. 2`);
  }
  const scaled: [number, number] = [Math.round(width * factor), Math.round(height * factor)];
  if (Math.max(...scaled) > MAX_SIDE_PX || Math.min(...scaled) < 16) {
    throw new UsageError(`--size ${text} --scale ${factor} gives ${scaled.join('x')}; each side must be 16 to ${MAX_SIDE_PX} pixels`);
  }
  return scaled;
}

/** The file of each still: `output` itself for one, else the pattern numbered 1, 2, 3 … */
export function stillPaths(output: string, count: number): string[] {
  if (!output.toLowerCase().endsWith('.png')) {
    throw new UsageError(`-o ${output}: a still is a .png file (for video use the render command)`);
  }
  const match = NUMBER_PATTERN.exec(output);
  if (match === null) {
    if (count > 1) throw new UsageError(`${count} times given with --at need a numbered output such as ${output.replace(/\.png$/i, '-%d.png')}`);
    return [output];
  }
  const digits = match[1] === '' ? 0 : Number(match[1]);
  return Array.from({ length: count }, (_, i) => output.replace(NUMBER_PATTERN, String(i + 1).padStart(digits, '0')));
}

/** The action of the `still` command. */
export async function stillCommand(tracePath: string, flags: StillFlags): Promise<void> {
  const [width, height] = parseStillSize(flags.size, flags.scale);
  const times = flags.at === undefined || flags.at.length === 0 ? ['100%'] : flags.at;
  const specs = times.map((text) => parseTimeSpec(text));
  const paths = stillPaths(flags.output, times.length);
  const settings = parseRenderFlags({ ...flags, at: undefined, output: 'still.png', size: `${width}x${height}` });
  const theme = flags.transparent === true ? { ...settings.theme, backgroundAlpha: 0 } : settings.theme;
  const scene = parseSceneFlags(flags);

  const model = await loadTrace(tracePath);
  requireDrawable(model, tracePath, flags.showRuntime ?? false);
  const atNs = specs.map((spec, i) => resolveTimeSpec(spec, model.durationNs, times[i] as string));
  const camera = parseCameraFlags(flags, model.durationNs);

  // Each still is written into a hidden folder first; all are moved into place at the end.
  const finalPaths = paths.map((path) => resolve(path));
  const stagingDir = join(dirname(finalPaths[0] as string), `.gotrace-render-stills-${process.pid}-${Date.now().toString(36)}`);
  await mkdir(dirname(stagingDir), { recursive: true });
  await mkdir(stagingDir);
  const startedMs = performance.now();
  try {
    // One browser draws every still; they come out as a numbered sequence in the staging folder.
    await withInterrupts((signal) =>
      renderTrace({
        signal,
        model,
        outputPath: join(stagingDir, '%d.png'),
        stillTimesNs: atNs,
        width,
        height,
        fps: 1,
        durationSeconds: 1,
        camera,
        theme,
        scene,
        showRuntime: flags.showRuntime ?? false,
        antialias: flags.antialias,
        gl: settings.gl,
        ...(flags.browser === undefined ? {} : { browserPath: flags.browser }),
        ...(flags.ffmpeg === undefined ? {} : { ffmpegPath: flags.ffmpeg }),
      }),
    );
    for (const [index, path] of finalPaths.entries()) {
      await mkdir(dirname(path), { recursive: true });
      await rename(join(stagingDir, `${index}.png`), path);
    }
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }

  const seconds = (performance.now() - startedMs) / 1000;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ outputs: finalPaths, atNs, width, height, seconds: Number(seconds.toFixed(3)) })}\n`);
  } else if (!flags.quiet) {
    const what = finalPaths.length === 1 ? finalPaths[0] : `${finalPaths.length} stills (${finalPaths[0]} …)`;
    process.stdout.write(`wrote ${what}, ${width}x${height}, ${seconds.toFixed(1)} s\n`);
  }
}

function parseSizeOrPreset(text: string): [number, number] {
  try {
    return parseSize(text);
  } catch {
    throw new UsageError(`--size '${text}': expected ${Object.keys(SIZE_PRESETS).join(', ')} or WIDTHxHEIGHT, e.g. 1600x900`);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
