/**
 * Turning Ctrl-C and termination signals into a clean stop: the work gets an
 * AbortSignal, removes what it was writing and closes the browser; a second
 * signal ends the process at once.
 */

import { InterruptedError } from '../errors.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Runs `work` with a signal that aborts on SIGINT or SIGTERM. */
export async function withInterrupts<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const handlers = SIGNALS.map((name) => {
    const handler = (): void => {
      controller.abort(new InterruptedError(name));
      // From here on the default applies: a second signal ends the process.
      for (const [signalName, registered] of handlers) process.off(signalName, registered);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });

  try {
    return await work(controller.signal);
  } finally {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
}
