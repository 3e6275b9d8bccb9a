/**
 * A one-line progress display on a terminal: frames done, speed and time left.
 */

/** Receives progress updates; prints only when the stream is a terminal. */
export interface ProgressPrinter {
  update(framesDone: number, frameCount: number): void;
  done(): void;
}

const REDRAW_INTERVAL_MS = 200;

/** A printer for `stream`; on anything but a TTY it prints nothing. */
export function createProgressPrinter(stream: NodeJS.WriteStream): ProgressPrinter {
  if (!stream.isTTY) return { update() {}, done() {} };

  const startedMs = performance.now();
  let lastDrawMs = 0;
  let drawn = false;

  return {
    update(framesDone, frameCount) {
      const nowMs = performance.now();
      if (framesDone < frameCount && nowMs - lastDrawMs < REDRAW_INTERVAL_MS) return;
      lastDrawMs = nowMs;
      const elapsedSeconds = (nowMs - startedMs) / 1000;
      const fps = framesDone / Math.max(elapsedSeconds, 1e-3);
      const etaSeconds = Math.max(0, (frameCount - framesDone) / Math.max(fps, 1e-3));
      stream.write(`\rframe ${framesDone}/${frameCount}  ${fps.toFixed(1)} fps  ETA ${Math.ceil(etaSeconds)} s   `);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
