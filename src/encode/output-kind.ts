/**
 * Which kind of file an output path asks for, decided by its extension.
 */

import { extname } from 'node:path';

import { UsageError } from '../errors.ts';

/** The outputs we write. `png-sequence` is a pattern such as `frames/%04d.png`. */
export type OutputKind = 'mp4' | 'webm' | 'gif' | 'apng' | 'png' | 'png-sequence';

const SEQUENCE_PATTERN = /%0?(\d*)d/;

/**
 * Decides the output kind from a path: `clip.mp4` → `mp4`, `clip.webm` →
 * `webm`, `clip.gif` → `gif`, `clip.apng` → `apng`, `slide.png` → `png`,
 * `frames/%04d.png` → `png-sequence`.
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
    case '.webm':
      return 'webm';
    case '.gif':
      return 'gif';
    case '.apng':
      return 'apng';
    case '.png':
      return 'png';
    default:
      throw new UsageError(
        `output ${path}: unknown extension '${extension || '(none)'}'; use .mp4, .webm, .gif, .apng, .png or a pattern like frames/%04d.png`,
      );
  }
}

/** True for outputs that hold one frame only. */
export function isStill(kind: OutputKind): boolean {
  return kind === 'png';
}

/** True for video codecs that need an even width and height (4:2:0 chroma). */
export function needsEvenSize(kind: OutputKind): boolean {
  return kind === 'mp4' || kind === 'webm';
}

/** Digits of a frame pattern's number (`%04d` → 4, `%d` → 0). */
export function patternDigits(path: string): number {
  const match = SEQUENCE_PATTERN.exec(path);
  return match === null || match[1] === '' ? 0 : Number(match[1]);
}
