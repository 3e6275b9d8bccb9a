/**
 * `gotrace-render concat PART... -o OUT`: join chunks rendered with `--frames`.
 */

import type { Command } from 'commander';

import { concatVideos } from '../encode/concat-videos.ts';
import { findFfmpeg } from '../encode/find-ffmpeg.ts';

interface ConcatFlags {
  output: string;
  ffmpeg?: string;
  quiet?: boolean;
}

/** Registers the `concat` command. */
export function addConcatCommand(program: Command): void {
  program
    .command('concat')
    .description('join chunks of one render (made with --frames, in frame order) into one .mp4 or .webm without re-encoding')
    .argument('<parts...>', 'the chunks, in order')
    .requiredOption('-o, --output <file>', 'the joined .mp4 or .webm')
    .option('--ffmpeg <path>', 'ffmpeg to use')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (parts: string[], flags: ConcatFlags) => {
      const written = await concatVideos({
        inputPaths: parts,
        outputPath: flags.output,
        ffmpegPath: findFfmpeg(flags.ffmpeg).executablePath,
      });
      if (!flags.quiet) process.stdout.write(`wrote ${written}: ${parts.length} parts joined\n`);
    });
}
