/**
 * Running the Go tool and the traced program: output passed on or kept, a
 * time limit that stops the whole process group, and the last lines of
 * standard error kept for the error message.
 */

import { spawn } from 'node:child_process';

/** Where a child's standard output goes. */
export type OutputSink = 'inherit-to-stderr' | 'ignore' | 'keep';

/** How to run one command. */
export interface RunOptions {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Stop the process group after this long. */
  timeoutMs: number;
  /** What to do with standard output and standard error beyond keeping their tail. */
  output: OutputSink;
}

/** How a command ended. */
export interface RunResult {
  /** Exit status, or `null` when it was killed by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Standard output when `output` was `keep`, else empty. */
  stdout: string;
  /** The last few kilobytes of standard error. */
  stderrTail: string;
  /** Set when the command could not be started at all. */
  spawnError?: Error;
}

const TAIL_CHARS = 8192;

/** Runs a command to completion; never throws, the caller judges the result. */
export function runProcess(options: RunOptions): Promise<RunResult> {
  const { command, args, cwd, env, timeoutMs, output } = options;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a time limit also stops what it started (go test runs a test binary).
      detached: process.platform !== 'win32',
    });
    let stdout = '';
    let stderrTail = '';
    let timedOut = false;

    child.stdout.on('data', (chunk: Buffer) => {
      if (output === 'keep') stdout += chunk.toString('utf8');
      else if (output === 'inherit-to-stderr') process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-TAIL_CHARS);
      if (output === 'inherit-to-stderr') process.stderr.write(chunk);
    });

    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    // Its own group does not get the terminal's Ctrl-C: pass it on, then stop as usual.
    const interrupted = (signal: NodeJS.Signals): void => {
      killGroup(child.pid);
      process.kill(process.pid, signal);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    const settle = (result: RunResult): void => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      resolve(result);
    };

    child.on('error', (error) => settle({ exitCode: null, signal: null, timedOut, stdout, stderrTail, spawnError: error }));
    child.on('close', (exitCode, signal) => settle({ exitCode, signal, timedOut, stdout, stderrTail }));
  });
}

/** The last non-empty lines of a tail, joined into one line for an error message. */
export function lastLines(tail: string, count: number): string {
  return tail
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('# '))
    .slice(-count)
    .join(' | ');
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
