/**
 * What `capture` was asked to run: a program (Go files or a package) with
 * its arguments, or a `go test` command line.
 */

import { UsageError } from '../errors.ts';

/** A `package main` to build and run with tracing on. */
export interface ProgramTarget {
  kind: 'program';
  /** What `go build` gets: one package (`./cmd/x`, a folder, an import path) or a list of `.go` files. */
  packageArgs: string[];
  /** True when `packageArgs` are `.go` files rather than one package. */
  files: boolean;
  /** Arguments passed to the program itself. */
  programArgs: string[];
}

/** A `go test` run that gets `-trace` added. */
export interface TestTarget {
  kind: 'test';
  /** The go command as written (`go`, or a path such as `/usr/local/go/bin/go`). */
  goCommand: string;
  /** Everything after `go test`, as given. */
  testArgs: string[];
}

/** Either kind of capture. */
export type CaptureTarget = ProgramTarget | TestTarget;

/**
 * Reads the operands of `capture`:
 *
 * - `go test ./x -run Y` (written after `--`) → a test run;
 * - `a.go b.go arg…` → those files, the rest passed to the program;
 * - `./pkg arg…` → that package, the rest passed to the program.
 *
 * @example
 * parseCaptureTarget(['go', 'test', './x', '-run', 'Y'])
 * // → { kind: 'test', goCommand: 'go', testArgs: ['./x', '-run', 'Y'] }
 */
export function parseCaptureTarget(operands: readonly string[]): CaptureTarget {
  const [first, second] = operands;
  if (first === undefined) {
    throw new UsageError('capture: name what to run: a .go file, a package such as ./cmd/server, or -- go test ./pkg -run TestX');
  }

  if (isGoCommand(first)) {
    if (second !== 'test') {
      throw new UsageError(`capture -- ${operands.join(' ')}: only 'go test' can be captured this way (for a program, name its .go file or package)`);
    }
    const testArgs = operands.slice(2);
    const flagged = testArgs.find((arg) => /^--?trace(=|$)/.test(arg));
    if (flagged !== undefined) {
      throw new UsageError(`capture: drop '${flagged}' from the go test command; capture adds -trace itself and writes the file given with -o`);
    }
    return { kind: 'test', goCommand: first, testArgs };
  }

  if (first.endsWith('.go')) {
    let count = 0;
    while (operands[count]?.endsWith('.go')) count++;
    const packageArgs = operands.slice(0, count);
    if (packageArgs.some((file) => file.endsWith('_test.go'))) {
      throw new UsageError(`capture ${packageArgs.join(' ')}: test files run with: capture -- go test ./pkg -run TestName`);
    }
    return { kind: 'program', packageArgs, files: true, programArgs: operands.slice(count) };
  }

  if (first.startsWith('-')) {
    throw new UsageError(`capture: unknown option '${first}' (program arguments go after the program: capture main.go ${first})`);
  }
  return { kind: 'program', packageArgs: [first], files: false, programArgs: operands.slice(1) };
}

/** `go`, or a path ending in `/go`. */
function isGoCommand(word: string): boolean {
  return word === 'go' || /[\\/]go(\.exe)?$/.test(word);
}
