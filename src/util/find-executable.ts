/**
 * Locating programs on this machine without running a shell.
 */

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

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
