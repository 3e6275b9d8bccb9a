/**
 * A running ffmpeg that takes raw frames on stdin.
 */

import { spawn, type ChildProcess } from 'node:child_process';

import { RenderError, ToolError } from '../errors.ts';

const STDERR_TAIL_LINES = 6;

/** Writes frames into ffmpeg with back-pressure and reports its failure with the last lines it printed. */
export class FfmpegProcess {
  readonly #child: ChildProcess;
  readonly #executablePath: string;
  readonly #exited: Promise<number | null>;
  #stderr = '';
  #spawnError: Error | undefined;

  constructor(executablePath: string, args: readonly string[]) {
    this.#executablePath = executablePath;
    this.#child = spawn(executablePath, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    this.#child.stderr?.setEncoding('utf8');
    this.#child.stderr?.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-8192);
    });
    // A closed pipe surfaces as the exit status below; keep it from becoming an unhandled error.
    this.#child.stdin?.on('error', () => {});
    this.#exited = new Promise((resolve) => {
      this.#child.on('error', (error) => {
        this.#spawnError = error;
        resolve(null);
      });
      this.#child.on('close', (code) => resolve(code));
    });
  }

  /** Queues one frame; resolves when ffmpeg can take more. */
  async write(frame: Uint8Array): Promise<void> {
    const stdin = this.#child.stdin;
    if (stdin === null || stdin.destroyed || this.#child.exitCode !== null) {
      throw await this.#failure();
    }
    if (!stdin.write(frame)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          stdin.off('drain', done);
          stdin.off('close', done);
          resolve();
        };
        stdin.on('drain', done);
        stdin.on('close', done);
      });
    }
  }

  /** Closes stdin and waits for ffmpeg to finish the file. */
  async finish(): Promise<void> {
    this.#child.stdin?.end();
    const code = await this.#exited;
    if (code !== 0) throw await this.#failure();
  }

  /** Stops ffmpeg at once (after a failure elsewhere). */
  async abort(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill('SIGKILL');
    await this.#exited;
  }

  async #failure(): Promise<Error> {
    const code = await this.#exited;
    if (this.#spawnError !== undefined) {
      return new ToolError('FFMPEG_FAILED', `could not start ffmpeg: ${this.#spawnError.message}`, {
        cause: this.#spawnError,
      });
    }
    const tail = this.#stderr.trim().split('\n').slice(-STDERR_TAIL_LINES).join(' | ');
    const detail = tail ? `: ${tail}` : '; check it with gotrace-render doctor';
    return new RenderError(`ffmpeg (${this.#executablePath}) failed with exit code ${code ?? 'unknown'}${detail}`);
  }
}
