/**
 * Finding ffmpeg: an explicit path, `FFMPEG_PATH`, the optional
 * `ffmpeg-static` package when its binary was downloaded, or a system ffmpeg.
 */

import { createRequire } from 'node:module';

import { ToolError } from '../errors.ts';
import { chosenExecutable, findOnPath, isExecutableFile } from '../util/find-executable.ts';

/** Where ffmpeg was found. */
export type FfmpegSource = 'option' | 'environment' | 'ffmpeg-static' | 'system';

/** An ffmpeg executable and how it was found. */
export interface FoundFfmpeg {
  executablePath: string;
  source: FfmpegSource;
}

/** The line printed when nothing is found. */
export const FFMPEG_INSTALL_HINT =
  'no ffmpeg found: install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg), ' +
  'or pass --ffmpeg PATH or set FFMPEG_PATH';

/**
 * Resolves ffmpeg in this order: `explicitPath` (the `--ffmpeg` option),
 * `FFMPEG_PATH`, `ffmpeg-static`'s binary if it exists, `ffmpeg` on the PATH.
 */
export function findFfmpeg(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): FoundFfmpeg {
  const chosen = chosenExecutable(explicitPath, '--ffmpeg', ['FFMPEG_PATH'], env, 'FFMPEG_MISSING');
  if (chosen !== undefined) return chosen;

  const bundled = ffmpegStaticPath();
  if (bundled !== undefined) return { executablePath: bundled, source: 'ffmpeg-static' };

  const system = findOnPath(['ffmpeg'], env['PATH']);
  if (system !== undefined) return { executablePath: system, source: 'system' };

  throw new ToolError('FFMPEG_MISSING', FFMPEG_INSTALL_HINT);
}

/** The `ffmpeg-static` binary, when the package is installed and its download succeeded. */
function ffmpegStaticPath(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const path: unknown = require('ffmpeg-static');
    return typeof path === 'string' && isExecutableFile(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
