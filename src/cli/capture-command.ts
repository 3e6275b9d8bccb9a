/**
 * `gotrace-render capture PROGRAM.go | ./pkg | -- go test ./x -run Y`: run
 * Go code with execution tracing on and write its trace.
 */

import type { Command } from 'commander';

import { captureTrace, DEFAULT_CAPTURE_TIMEOUT_MS } from '../capture/capture-trace.ts';
import { UsageError } from '../errors.ts';
import { formatDurationNs } from '../render/time-spec.ts';

/** Flags of `capture`. */
export interface CaptureFlags {
  output: string;
  go?: string;
  timeout?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Adds `capture` to the program. */
export function addCaptureCommand(program: Command): void {
  program
    .command('capture')
    .description('run a Go program or test with execution tracing on and write its trace (needs Go 1.22+)')
    .usage('[options] <program.go… | ./package> [-- program args…]  |  [options] -- go test ./pkg -run TestX')
    .argument('<target...>', 'a .go file (or several), a package folder or path, or -- go test …; then the program\'s arguments')
    .option('-o, --output <file>', 'trace file to write', 'trace.out')
    .option('--go <path>', 'the go command to use (default: go on the PATH)')
    .option('--timeout <seconds>', `stop the build or the run after this long (default ${DEFAULT_CAPTURE_TIMEOUT_MS / 1000})`)
    .option('-q, --quiet', "print nothing but errors (the program's output is dropped too)")
    .option('--json', 'print a JSON summary on stdout')
    .action(captureCommand);
}

/** The action of the `capture` command. */
export async function captureCommand(operands: string[], flags: CaptureFlags): Promise<void> {
  const timeoutMs = flags.timeout === undefined ? DEFAULT_CAPTURE_TIMEOUT_MS : parseTimeoutMs(flags.timeout);
  const result = await captureTrace({
    operands,
    outputPath: flags.output,
    ...(flags.go === undefined ? {} : { goPath: flags.go }),
    timeoutMs,
    output: flags.quiet || flags.json ? 'ignore' : 'inherit-to-stderr',
  });

  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...result, elapsedMs: Math.round(result.elapsedMs) })}\n`);
  } else if (!flags.quiet) {
    process.stdout.write(
      `wrote ${result.outputPath}: ${result.bytes} bytes, go ${result.goVersion ?? '?'} trace, ` +
        `${result.goroutines} goroutines, ${result.messages} messages, ${formatDurationNs(result.durationNs)}\n`,
    );
  }
}

function parseTimeoutMs(text: string): number {
  const seconds = Number(text.replace(/s$/, ''));
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout '${text}': expected a number of seconds above 0, e.g. 60`);
  }
  return seconds * 1000;
}
