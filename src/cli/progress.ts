/**
 * Progress of a render on stderr: a redrawn line with frames done, speed and
 * time left on a terminal; a plain line every tenth of the way otherwise
 * (CI logs).
 */

/** Receives progress updates. */
export interface ProgressPrinter {
  update(framesDone: number, frameCount: number): void;
  done(): void;
}

const REDRAW_INTERVAL_MS = 200;
const PLAIN_STEPS = 10;

/** A printer for `stream`: live on a TTY, sparse plain lines elsewhere. */
export function createProgressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }): ProgressPrinter {
  const startedMs = performance.now();
  let lastDrawMs = 0;
  let lastStep = 0;
  let drawn = false;

  const describe = (framesDone: number, frameCount: number): string => {
    const elapsedSeconds = (performance.now() - startedMs) / 1000;
    const fps = framesDone / Math.max(elapsedSeconds, 1e-3);
    const etaSeconds = Math.max(0, (frameCount - framesDone) / Math.max(fps, 1e-3));
    return `frame ${framesDone}/${frameCount}  ${fps.toFixed(1)} fps  ETA ${Math.ceil(etaSeconds)} s`;
  };

  if (stream.isTTY !== true) {
    return {
      update(framesDone, frameCount) {
        // Stills and very short clips print nothing.
        if (frameCount < PLAIN_STEPS * 2) return;
        const step = Math.floor((framesDone * PLAIN_STEPS) / frameCount);
        if (step <= lastStep) return;
        lastStep = step;
        stream.write(`${describe(framesDone, frameCount)}\n`);
      },
      done() {},
    };
  }

  return {
    update(framesDone, frameCount) {
      const nowMs = performance.now();
      if (framesDone < frameCount && nowMs - lastDrawMs < REDRAW_INTERVAL_MS) return;
      lastDrawMs = nowMs;
      stream.write(`\r${describe(framesDone, frameCount)}   `);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
