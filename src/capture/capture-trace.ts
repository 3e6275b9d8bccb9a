/**
 * The `capture` job: run a Go program or test with execution tracing on and
 * write its trace file, complete or not at all.
 */

import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

import { FileError, GotraceError, ToolError } from '../errors.ts';
import { readTrace } from '../trace/read-trace.ts';
import { buildTracedProgram } from './build-traced-program.ts';
import { parseCaptureTarget, type CaptureTarget } from './capture-target.ts';
import { findGo } from './find-go.ts';
import { lastLines, runProcess, type OutputSink, type RunResult } from './run-process.ts';
import { TRACE_FILE_ENV } from './trace-hook.ts';

/** Default time limit for building plus running. */
export const DEFAULT_CAPTURE_TIMEOUT_MS = 120_000;

/** What to capture and where to put it. */
export interface CaptureOptions {
  /** The operands of `capture`: files or a package plus program arguments, or `go test …`. */
  operands: readonly string[];
  /** The trace file to write (relative to `cwd`). */
  outputPath: string;
  /** The go command; default `go` on the PATH. */
  goPath?: string;
  /** Folder to run from; default the process's. */
  cwd?: string;
  /** Environment for Go and the program; default the process's. */
  env?: NodeJS.ProcessEnv;
  /** Time limit for the build and for the run, each. */
  timeoutMs?: number;
  /** What happens to the program's own output; default passed on to our standard error. */
  output?: OutputSink;
}

/** What a capture wrote. */
export interface CaptureResult {
  outputPath: string;
  bytes: number;
  /** Version from the trace header, e.g. `1.26`. */
  goVersion: string | null;
  /** Goroutines of the program (the runtime's own are not counted). */
  goroutines: number;
  messages: number;
  durationNs: number;
  elapsedMs: number;
}

const ERROR_LINES = 3;

/**
 * Runs the target with tracing on and writes the trace to `outputPath`
 * through a temporary file, renamed only once the trace was read back.
 * Errors: `GO_MISSING` (exit 1) when there is no Go, `CAPTURE_BUILD` (2)
 * when it does not compile, `CAPTURE_FAILED` / `CAPTURE_TIMEOUT` (1) when
 * the program fails, `CAPTURE_NO_TRACE` (1) when no readable trace came out.
 */
export async function captureTrace(options: CaptureOptions): Promise<CaptureResult> {
  const startedMs = performance.now();
  const { outputPath, cwd = process.cwd(), env = process.env, timeoutMs = DEFAULT_CAPTURE_TIMEOUT_MS, output = 'inherit-to-stderr' } = options;
  const target = parseCaptureTarget(options.operands);
  const goFromCommand = target.kind === 'test' && target.goCommand !== 'go' ? target.goCommand : undefined;
  const goPath = findGo(options.goPath ?? goFromCommand, env['PATH'] ?? '');

  const finalPath = resolve(cwd, outputPath);
  await ensureFolder(dirname(finalPath), outputPath);
  const partialPath = join(dirname(finalPath), `.${basename(finalPath)}.partial-${process.pid}-${Date.now().toString(36)}`);
  const workDir = await mkdtemp(join(tmpdir(), 'gotrace-capture-'));

  try {
    // 1. Run with tracing on.
    const run = await runTarget({ target, goPath, cwd, env, timeoutMs, output, workDir, partialPath });
    const what = describeTarget(target);
    if (run.spawnError !== undefined) {
      throw new ToolError('GO_MISSING', `could not run ${what}: ${run.spawnError.message}`, { cause: run.spawnError });
    }
    if (run.timedOut) {
      throw new GotraceError('CAPTURE_TIMEOUT', `${what} ran longer than ${timeoutMs / 1000} s and was stopped (raise --timeout, or make it end sooner)`);
    }
    if (run.exitCode !== 0) {
      const how = run.exitCode === null ? `was killed by ${run.signal ?? 'a signal'}` : `exited with status ${run.exitCode}`;
      const tail = lastLines(run.stderrTail, ERROR_LINES);
      throw new GotraceError('CAPTURE_FAILED', `${what} ${how}${tail ? `: ${tail}` : ''}; no trace written`);
    }

    // 2. Read it back, so a damaged trace never lands at the output path.
    const bytes = await readFile(partialPath).catch(() => undefined);
    if (bytes === undefined || bytes.length === 0) {
      throw new GotraceError('CAPTURE_NO_TRACE', `${what} ended without a trace: tracing stops when main returns, so a program that calls os.Exit or log.Fatal loses it`);
    }
    let model;
    try {
      model = readTrace(bytes);
    } catch (error) {
      throw new GotraceError('CAPTURE_NO_TRACE', `${what} wrote a trace that cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }

    // 3. Publish.
    await rename(partialPath, finalPath);
    return {
      outputPath: finalPath,
      bytes: bytes.length,
      goVersion: model.goVersion,
      goroutines: model.goroutines.filter((goroutine) => !goroutine.runtime).length,
      messages: model.messages.length,
      durationNs: model.durationNs,
      elapsedMs: performance.now() - startedMs,
    };
  } finally {
    await rm(partialPath, { force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}

interface RunTargetOptions {
  target: CaptureTarget;
  goPath: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  output: OutputSink;
  workDir: string;
  partialPath: string;
}

async function runTarget(options: RunTargetOptions): Promise<RunResult> {
  const { target, goPath, cwd, env, timeoutMs, output, workDir, partialPath } = options;
  if (target.kind === 'test') {
    // go test runs the test binary in the package folder, hence the absolute path.
    const args = ['test', `-trace=${partialPath}`, ...target.testArgs];
    return runProcess({ command: goPath, args, cwd, env, timeoutMs, output });
  }
  const binary = await buildTracedProgram({ goPath, target, cwd, workDir, env, timeoutMs });
  return runProcess({ command: binary, args: target.programArgs, cwd, env: { ...env, [TRACE_FILE_ENV]: partialPath }, timeoutMs, output });
}

function describeTarget(target: CaptureTarget): string {
  return target.kind === 'test' ? `go test ${target.testArgs.join(' ')}`.trim() : target.packageArgs.join(' ');
}

async function ensureFolder(dir: string, outputPath: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error(`${dir} is not a folder`);
  } catch (error) {
    throw new FileError(`cannot write ${outputPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error, badInput: true });
  }
}
