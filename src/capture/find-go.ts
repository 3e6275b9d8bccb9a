/**
 * Finding the Go command a capture runs: an explicit path, else `go` on the PATH.
 */

import { ToolError } from '../errors.ts';
import { findOnPath, isExecutableFile } from '../util/find-executable.ts';

/** The line printed when no Go is found. */
export const GO_INSTALL_HINT =
  'no Go toolchain found: install Go 1.22 or newer (https://go.dev/dl/, or apt-get install golang-go), ' +
  'put its bin folder on the PATH, or pass --go PATH';

/**
 * Resolves the `go` executable: `explicitPath` (the `--go` option) when
 * given, else the first `go` on `pathValue`. Throws a {@link ToolError} with
 * code `GO_MISSING` naming what to install.
 *
 * @example
 * findGo('/usr/local/go/bin/go') // → '/usr/local/go/bin/go'
 */
export function findGo(explicitPath?: string, pathValue = process.env['PATH'] ?? ''): string {
  if (explicitPath !== undefined) {
    if (!isExecutableFile(explicitPath)) {
      throw new ToolError('GO_MISSING', `--go ${explicitPath}: no executable file there (pass the path of the go command, e.g. /usr/local/go/bin/go)`);
    }
    return explicitPath;
  }
  const found = findOnPath(['go'], pathValue);
  if (found === undefined) throw new ToolError('GO_MISSING', GO_INSTALL_HINT);
  return found;
}
