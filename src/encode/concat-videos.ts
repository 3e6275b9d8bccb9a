/**
 * Joining chunks of one render (made with `--frames`, perhaps on different
 * machines) into one file, without re-encoding.
 */

import { stat, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

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
  const seen = new Set<string>();
  for (const input of inputPaths) {
    if (extname(input).toLowerCase() !== `.${kind}`) {
      throw new UsageError(`concat: part ${input} is not a .${kind} file like ${outputPath}; parts must share the output's format`);
    }
    if (resolve(input) === resolve(outputPath)) {
      throw new UsageError(`concat: the output ${outputPath} is also one of the parts; write the joined video to a new file`);
    }
    if (seen.has(resolve(input))) throw new UsageError(`concat: part ${input} is listed twice`);
    seen.add(resolve(input));
    const info = await stat(input).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw new FileError(`${input}: no such file`, { badInput: true });
  }
  checkPartsMatch(inputPaths, ffmpegPath);

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

/**
 * Refuses parts whose video streams differ (codec, size, frame rate): a
 * stream copy would join them into a file players choke on. Uses the
 * ffprobe beside ffmpeg; without one the check is skipped.
 */
function checkPartsMatch(inputPaths: readonly string[], ffmpegPath: string): void {
  const ffprobe = join(dirname(ffmpegPath), process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
  if (!existsSync(ffprobe)) return;

  const describe = (path: string): string => {
    try {
      const output = execFileSync(
        ffprobe,
        ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,r_frame_rate', '-of', 'csv=p=0', path],
        { encoding: 'utf8' },
      ).trim();
      if (output === '') throw new Error('no video stream');
      const [codec, width, height, rate] = output.split(',');
      return `${codec} ${width}x${height} at ${rate?.replace(/\/1$/, '')} fps`;
    } catch {
      throw new UsageError(`concat: part ${path} is not a video ffprobe can read`);
    }
  };

  const first = describe(inputPaths[0] as string);
  for (const path of inputPaths.slice(1)) {
    const other = describe(path);
    if (other !== first) {
      throw new UsageError(`concat: part ${path} is ${other} but ${inputPaths[0]} is ${first}; render every part with the same settings`);
    }
  }
}

/** An ffconcat list naming each file by absolute path, quoted for ffmpeg. */
export function concatList(inputPaths: readonly string[]): string {
  const lines = inputPaths.map((path) => `file '${resolve(path).replaceAll("'", "'\\''")}'`);
  return `ffconcat version 1.0\n${lines.join('\n')}\n`;
}
