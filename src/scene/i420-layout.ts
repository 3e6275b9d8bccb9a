/**
 * Sizes of a frame in I420 (planar YUV 4:2:0) as the page reads it back: a
 * full-size Y plane followed by quarter-size U and V planes, one byte a
 * sample. Shared by the page, which packs the planes into an RGBA target,
 * and Node, which checks each frame it receives; free of three.js so the
 * command line tool does not load it.
 */

/**
 * Whether a frame of this size can be read back as I420: both sides even
 * (4:2:0 halves them) and the width a multiple of 8, so that every texel of
 * the target (4 bytes) lies in one row of one plane, which keeps the
 * conversion shader free of per-byte bookkeeping. Other widths (e.g. 322)
 * are read back as RGBA and converted by ffmpeg as before.
 */
export function fitsI420(widthPx: number, heightPx: number): boolean {
  return widthPx > 0 && heightPx > 0 && widthPx % 8 === 0 && heightPx % 2 === 0;
}

/** Bytes of one I420 frame of `widthPx` × `heightPx` (both even), e.g. 1280×720 → 1,382,400. */
export function i420FrameBytes(widthPx: number, heightPx: number): number {
  return widthPx * heightPx + 2 * (widthPx / 2) * (heightPx / 2);
}

/**
 * Size in texels of the RGBA target that holds one I420 frame, four bytes a
 * texel, e.g. 1280×720 → 320×1080: `heightPx` rows of Y, then `heightPx / 2`
 * rows holding U and then V, two chroma rows to a texel row.
 */
export function i420TargetSize(widthPx: number, heightPx: number): { width: number; height: number } {
  return { width: widthPx / 4, height: (heightPx * 3) / 2 };
}
