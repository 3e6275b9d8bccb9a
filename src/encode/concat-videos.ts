/**
 * Joining chunks of one render (made with `--frames`, perhaps on different
 * machines) into one file, without re-encoding.
 */

import { stat, writeFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';

import { FileError, UsageError } from '../errors.ts';
import { concatArgs } from './ffmpeg-args.ts';
import { FfmpegProcess } from './ffmpeg-process.ts';
import { prepareOutput } from './output-file.ts';
import { outputKindOf } from './output-kind.ts';

/** What to join and with which ffmpeg. */
export interface ConcatOptions {
  inputPaths: readonly string[];
  outputPath: string;
  ffmpegPath: string;
}

/**
 * Joins `inputPaths` in order into `outputPath`. All must be MP4 or all
 * WebM, rendered with the same settings; the streams are copied, so the
 * result has exactly the chunks' frames.
 */
export async function concatVideos({ inputPaths, outputPath, ffmpegPath }: ConcatOptions): Promise<string> {
  const kind = outputKindOf(outputPath);
  if (kind !== 'mp4' && kind !== 'webm') {
    throw new UsageError(`concat writes .mp4 or .webm, not ${outputPath}; GIFs cannot be joined without re-encoding`);
  }
  if (inputPaths.length < 2) throw new UsageError('concat needs at least two parts to join');
  for (const input of inputPaths) {
    if (outputKindOf(input) !== kind) {
      throw new UsageError(`concat: ${input} is not a .${kind} file like ${outputPath}; parts must share the output's format`);
    }
    const info = await stat(input).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw new FileError(`${input}: no such file`, { badInput: true });
  }

  const output = await prepareOutput(outputPath, kind);
  const listPath = `${output.writePath}.ffconcat`;
  try {
    await writeFile(listPath, concatList(inputPaths));
    const ffmpeg = new FfmpegProcess(ffmpegPath, concatArgs(listPath, output.writePath, kind));
    await ffmpeg.finish();
    const [written] = await output.commit();
    return written as string;
  } catch (error) {
    await output.discard();
    throw error;
  } finally {
    await rm(listPath, { force: true });
  }
}

/** An ffconcat list naming each file by absolute path, quoted for ffmpeg. */
export function concatList(inputPaths: readonly string[]): string {
  const lines = inputPaths.map((path) => `file '${resolve(path).replaceAll("'", "'\\''")}'`);
  return `ffconcat version 1.0\n${lines.join('\n')}\n`;
}
