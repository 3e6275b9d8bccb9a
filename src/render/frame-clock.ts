/**
 * The deterministic clock: which trace time and camera progress each frame
 * shows. Pure functions of the frame index and the settings; no wall time.
 */

/** Frame rates whose frame delay is a whole number of centiseconds, the unit GIF stores. */
export const GIF_FRAME_RATES: readonly number[] = [50, 25, 20, 10, 5, 4, 2, 1];

/** Number of frames in a clip of `durationSeconds` at `fps`, at least one. */
export function frameCountFor(durationSeconds: number, fps: number): number {
  return Math.max(1, Math.round(durationSeconds * fps));
}

/**
 * Trace time shown by frame `frameIndex` of `frameCount` when the whole trace
 * (`traceDurationNs`) maps linearly onto the clip: the first frame shows
 * time 0, the last the end of the trace. E.g. frame 5 of 11 over 1 s → 500 ms.
 */
export function frameTimeNs(frameIndex: number, frameCount: number, traceDurationNs: number): number {
  return Math.round(traceDurationNs * frameProgress(frameIndex, frameCount));
}

/** How far through the clip a frame is, 0 for the first and 1 for the last. */
export function frameProgress(frameIndex: number, frameCount: number): number {
  return frameCount <= 1 ? 1 : frameIndex / (frameCount - 1);
}

/**
 * The frame rate a GIF really plays at that is closest to `fps`: GIF delays
 * are whole centiseconds and browsers slow down delays under 2 cs, so e.g.
 * 30 → 25 and 60 → 50.
 */
export function snapGifFps(fps: number): number {
  let best = GIF_FRAME_RATES[0] as number;
  for (const candidate of GIF_FRAME_RATES) {
    if (Math.abs(Math.log(candidate / fps)) < Math.abs(Math.log(best / fps))) best = candidate;
  }
  return best;
}
