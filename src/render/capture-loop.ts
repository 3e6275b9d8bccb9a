/**
 * Drives one or more browser sessions through the frames of a render. Each
 * page jumps straight to its own frames (frame `i` goes to page `i mod N`):
 * the clock is a pure function of the frame index, so nothing is replayed.
 */

import type { FrameState } from '../scene/contract.ts';
import type { BrowserSession } from './browser-session.ts';
import type { FrameOrderer } from './frame-orderer.ts';

/**
 * Captures every frame of `frames` across `sessions`; frames reach the
 * encoder through `orderer`, which keeps clip order. The first failure stops
 * all pages.
 */
export async function captureFrames(
  sessions: readonly BrowserSession[],
  frames: readonly FrameState[],
  orderer: FrameOrderer,
  onProgress?: (framesDone: number, frameCount: number) => void,
): Promise<void> {
  let firstError: unknown = undefined;
  let failed = false;
  const drive = async (sessionIndex: number): Promise<void> => {
    const session = sessions[sessionIndex] as BrowserSession;
    for (let i = sessionIndex; i < frames.length && !failed; i += sessions.length) {
      await session.captureFrame(i, frames[i] as FrameState);
      onProgress?.(orderer.written, frames.length);
    }
    await session.flush();
  };

  const results = await Promise.allSettled(
    sessions.map((_, index) =>
      drive(index).catch((error: unknown) => {
        if (!failed) firstError = error;
        failed = true;
        orderer.fail(error);
        throw error;
      }),
    ),
  );
  // Report the failure that stopped the others, not what the others then hit.
  if (results.some((result) => result.status === 'rejected')) throw firstError;
  onProgress?.(frames.length, frames.length);
}
