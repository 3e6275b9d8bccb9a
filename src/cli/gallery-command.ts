/**
 * `gotrace-render gallery SCENES -o OUT`: render every scene folder into a
 * gallery with an index page; the exit status is non-zero when any scene
 * failed, after all the others were tried.
 */

import type { Command } from 'commander';

import { GotraceError, UsageError } from '../errors.ts';
import { addToolOptions, type ToolFlags } from './drawing-options.ts';
import { parseShard } from '../gallery/shard.ts';
import { runGallery, type GalleryReport, type SceneReport } from '../gallery/run-gallery.ts';
import type { GlChoice } from '../render/browser-session.ts';

/** Flags of `gallery`. */
export interface GalleryFlags extends ToolFlags {
  output: string;
  shard?: string;
  force?: boolean;
  scale?: string;
  fps?: string;
  duration?: string;
  title?: string;
}

/** Adds `gallery` to the program. */
export function addGalleryCommand(program: Command): void {
  const command = program
    .command('gallery')
    .description('render every scene folder (scene.json + trace.out + Go source) to a poster, GIF and MP4, with an index.html')
    .argument('<scenes>', 'folder whose subfolders are scenes')
    .requiredOption('-o, --output <folder>', 'output folder (index.html and one folder per scene)')
    .option('--shard <k/n>', 'render only the k-th of n parts of the scenes (for CI matrices); the index covers all parts found in the output folder')
    .option('--force', 'render even scenes whose outputs are up to date')
    .option('--scale <factor>', 'multiply every size, e.g. 0.25 for a quick look (default 1)')
    .option('--fps <n>', "use this frame rate instead of each scene's")
    .option('--duration <seconds>', "use this clip length instead of each scene's")
    .option('--title <text>', 'title of the index page');
  addToolOptions(command).action(galleryCommand);
}

/** The action of the `gallery` command. */
export async function galleryCommand(scenesDir: string, flags: GalleryFlags): Promise<void> {
  const chatty = !flags.quiet && !flags.json;
  const report = await runGallery({
    scenesDir,
    outputDir: flags.output,
    ...(flags.shard === undefined ? {} : { shard: parseShard(flags.shard) }),
    force: flags.force === true,
    ...(flags.title === undefined ? {} : { title: flags.title }),
    render: {
      scale: flags.scale === undefined ? 1 : positive(flags.scale, '--scale', 4),
      ...(flags.fps === undefined ? {} : { fps: positive(flags.fps, '--fps', 120) }),
      ...(flags.duration === undefined ? {} : { durationSeconds: positive(flags.duration.replace(/s$/, ''), '--duration', 600) }),
      antialias: flags.antialias,
      gl: flags.gl as GlChoice,
      ...(flags.browser === undefined ? {} : { browserPath: flags.browser }),
      ...(flags.ffmpeg === undefined ? {} : { ffmpegPath: flags.ffmpeg }),
    },
    ...(chatty ? { onSceneStart: (name: string, position: number, count: number) => process.stderr.write(`[${position}/${count}] ${name} … `) } : {}),
    ...(chatty ? { onSceneDone: (scene: SceneReport) => process.stderr.write(`${describe(scene)}\n`) } : {}),
  });

  if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else if (!flags.quiet) process.stdout.write(`${summary(report)}\n`);
  if (report.failed > 0) {
    const failures = report.scenes.filter((scene) => scene.status === 'failed');
    if (!flags.json) for (const scene of failures) process.stderr.write(`error: scene ${scene.name}: ${scene.error?.message ?? ''}\n`);
    throw new GotraceError('GALLERY_FAILED', `${report.failed} of ${report.scenes.length} scenes failed: ${failures.map((scene) => scene.name).join(', ')}`);
  }
}

/** `wrote output/gallery/index.html: 15 rendered, 2 unchanged, 0 failed in 312.4 s`. */
function summary(report: GalleryReport): string {
  return `wrote ${report.index}: ${report.rendered} rendered, ${report.cached} unchanged, ${report.failed} failed in ${report.seconds.toFixed(1)} s`;
}

function describe(scene: SceneReport): string {
  if (scene.status === 'failed') return `FAILED (${scene.error?.message ?? 'unknown error'})`;
  return scene.status === 'cached' ? 'unchanged, skipped' : `rendered in ${scene.seconds.toFixed(1)} s`;
}

function positive(text: string, flag: string, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new UsageError(`${flag} '${text}': expected a number above 0 and at most ${max}`);
  }
  return value;
}
