/**
 * Writing outputs so that a failed run leaves nothing behind: ffmpeg writes
 * to a hidden temporary name beside the target, and only a complete file is
 * renamed over it.
 */

import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import { FileError } from '../errors.ts';
import type { OutputKind } from './output-kind.ts';

/** A pending output: where ffmpeg writes, and how to publish or drop it. */
export interface PendingOutput {
  /** The path (or pattern) to give ffmpeg. */
  writePath: string;
  /** Moves the finished output into place; returns the final paths written. */
  commit(): Promise<string[]>;
  /** Removes everything written so far. */
  discard(): Promise<void>;
}

/**
 * Prepares `target` for writing: creates its folder, checks it is writable
 * and picks a temporary name. For a PNG pattern the frames go into a hidden
 * folder first and are moved next to each other on success.
 */
export async function prepareOutput(target: string, kind: OutputKind): Promise<PendingOutput> {
  const finalPath = resolve(target);
  const dir = dirname(finalPath);
  await ensureWritableDir(dir, target);
  if (kind !== 'png-sequence' && (await stat(finalPath).catch(() => undefined))?.isDirectory()) {
    throw new FileError(`cannot write ${target}: a folder of that name is in the way`, { badInput: true });
  }
  const token = `${process.pid}-${Date.now().toString(36)}`;

  if (kind === 'png-sequence') {
    const tempDir = join(dir, `.gotrace-render-partial-${token}`);
    await mkdir(tempDir);
    return {
      writePath: join(tempDir, basename(finalPath)),
      async commit() {
        const names = (await readdir(tempDir)).sort();
        for (const name of names) await rename(join(tempDir, name), join(dir, name));
        await rm(tempDir, { recursive: true, force: true });
        return names.map((name) => join(dir, name));
      },
      discard: () => rm(tempDir, { recursive: true, force: true }),
    };
  }

  const tempPath = join(dir, `.${basename(finalPath)}.partial-${token}`);
  return {
    writePath: tempPath,
    async commit() {
      await rename(tempPath, finalPath);
      return [finalPath];
    },
    discard: () => rm(tempPath, { force: true }),
  };
}

async function ensureWritableDir(dir: string, target: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FileError(`cannot write ${target}: cannot create folder ${dir} (${describe(error)})`, { cause: error, badInput: true });
  }
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new FileError(`cannot write ${target}: ${dir} is not a folder`, { badInput: true });
  }
  const probe = join(dir, `.gotrace-render-probe-${process.pid}`);
  try {
    await mkdir(probe);
    await rm(probe, { recursive: true });
  } catch (error) {
    throw new FileError(`cannot write ${target}: folder ${dir} is not writable (${describe(error)})`, { cause: error, badInput: true });
  }
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
