/**
 * Locating programs on this machine without running a shell.
 */

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

import { ToolError } from '../errors.ts';

/** True when `path` is an existing regular file this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the first of `names` on the `PATH` (as given, defaulting to the
 * process's), e.g. `findOnPath(['chromium', 'google-chrome'])` →
 * `/usr/bin/chromium`. Absolute names are checked as they are.
 */
export function findOnPath(names: readonly string[], pathValue = process.env['PATH'] ?? ''): string | undefined {
  const dirs = pathValue.split(delimiter).filter((dir) => dir !== '');
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];

  for (const name of names) {
    if (isAbsolute(name)) {
      if (isExecutableFile(name)) return name;
      continue;
    }
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        if (isExecutableFile(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/**
 * The program the user chose, if any: `explicitPath` (a command-line flag
 * such as `--browser`) first, then the first non-empty variable of
 * `envNames`. A choice that is not an executable file is an error naming
 * where it came from, never silently skipped.
 */
export function chosenExecutable(
  explicitPath: string | undefined,
  flag: string,
  envNames: readonly string[],
  env: NodeJS.ProcessEnv,
  missingCode: string,
): { executablePath: string; source: 'option' | 'environment' } | undefined {
  const check = (path: string, where: string): string => {
    if (!isExecutableFile(path)) throw new ToolError(missingCode, `${where}: no executable file there`);
    return path;
  };
  if (explicitPath !== undefined) return { executablePath: check(explicitPath, `${flag} ${explicitPath}`), source: 'option' };
  for (const name of envNames) {
    const value = env[name];
    if (value !== undefined && value !== '') return { executablePath: check(value, `${name}=${value}`), source: 'environment' };
  }
  return undefined;
}
