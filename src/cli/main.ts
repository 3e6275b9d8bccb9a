/**
 * The command line: the only module that prints. Commands parse their flags,
 * call the core, and report; every failure becomes one `error:` line and a
 * non-zero exit status.
 */

import { Command, CommanderError } from 'commander';

import { GotraceError } from '../errors.ts';
import { addCameraOptions } from './camera-options.ts';
import { addCaptureCommand } from './capture-command.ts';
import { addConcatCommand } from './concat-command.ts';
import { doctorCommand } from './doctor-command.ts';
import { addDrawingOptions } from './drawing-options.ts';
import { inspectCommand } from './inspect-command.ts';
import { addEncodeOptions } from './encode-options.ts';
import { addGalleryCommand } from './gallery-command.ts';
import { renderCommand } from './render-command.ts';
import { addSceneOptions } from './scene-options.ts';
import { addPreviewCommand } from './preview-command.ts';
import { addStillCommand } from './still-command.ts';

const VERSION = '0.1.0';

/** Builds the program; exported so tests can run commands without a subprocess. */
export function buildProgram(): Command {
  const program = new Command('gotrace-render')
    .description('Render the goroutines of a Go execution trace into MP4, GIF and PNG.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const render = program
    .command('render')
    .description('render a trace (runtime/trace, go test -trace, or a gotrace recording) to a video or a still')
    .argument('<trace>', 'trace file: Go execution trace (Go 1.11 and later) or gotrace JSON')
    .requiredOption('-o, --output <file>', 'output: .mp4, .webm, .gif, .apng, .png (one still) or a pattern like frames/%04d.png')
    .option('--size <WxH>', 'frame size in pixels (default 1280x720; 640x360 for GIF)')
    .option('--fps <n>', 'frames per second (default 30; 25 for GIF)')
    .option('--duration <seconds>', 'length of the clip; the whole trace is mapped onto it (default 8)')
    .option('--at <time>', 'for a .png still: the moment to show, e.g. 50%, 2.5s, 120ms (default: the end)');
  addCameraOptions(addSceneOptions(addEncodeOptions(addDrawingOptions(render)))).action(renderCommand);

  program
    .command('doctor')
    .description('show which browser and ffmpeg would be used, and what to install when one is missing')
    .option('--check <tool>', 'check only one tool: browser or ffmpeg')
    .option('--browser <path>', 'Chromium or Chrome to check')
    .option('--ffmpeg <path>', 'ffmpeg to check')
    .action(doctorCommand);

  addStillCommand(program);
  addPreviewCommand(program);
  addCaptureCommand(program);
  addGalleryCommand(program);

  addConcatCommand(program);

  program
    .command('inspect')
    .description('summarise a trace: format, Go version, duration, goroutines, messages, blocked time')
    .argument('<trace>', 'trace file: Go execution trace (Go 1.11+) or gotrace JSON')
    .option('--json', 'print one JSON object instead')
    .action(inspectCommand);

  return program;
}

/** Runs the CLI with `argv` (as in `process.argv`) and returns the exit status. */
export async function runCli(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`inspect --json | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    // A command that reported a problem itself (doctor) leaves its status here.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or help/version, which exit with 0).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof GotraceError) {
    process.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: internal error: ${message.split('\n')[0]}\n`);
  if (process.env['GOTRACE_DEBUG']) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  return 1;
}
