/**
 * Which kind of file an output path asks for, decided by its extension.
 */

import { extname } from 'node:path';

import { UsageError } from '../errors.ts';

/** The outputs we write. `png-sequence` is a pattern such as `frames/%04d.png`. */
export type OutputKind = 'mp4' | 'gif' | 'png' | 'png-sequence';

const SEQUENCE_PATTERN = /%0?\d*d/;

/**
 * Decides the output kind from a path: `clip.mp4` → `mp4`, `clip.gif` →
 * `gif`, `slide.png` → `png`, `frames/%04d.png` → `png-sequence`.
 */
export function outputKindOf(path: string): OutputKind {
  const extension = extname(path).toLowerCase();
  if (SEQUENCE_PATTERN.test(path)) {
    if (extension !== '.png') {
      throw new UsageError(`output ${path}: a frame pattern must end in .png (e.g. frames/%04d.png)`);
    }
    return 'png-sequence';
  }
  switch (extension) {
    case '.mp4':
      return 'mp4';
    case '.gif':
      return 'gif';
    case '.png':
      return 'png';
    default:
      throw new UsageError(
        `output ${path}: unknown extension '${extension || '(none)'}'; use .mp4, .gif, .png or a pattern like frames/%04d.png`,
      );
  }
}

/** True for outputs that hold one frame only. */
export function isStill(kind: OutputKind): boolean {
  return kind === 'png';
}
