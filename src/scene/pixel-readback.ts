/**
 * Turning the pixels WebGL reads back into what image files expect. With
 * an alpha channel the drawing buffer holds premultiplied colour (a half
 * transparent white pixel reads as 128, 128, 128, 128); PNG stores straight
 * colour (255, 255, 255, 128).
 */

/**
 * Divides each pixel's colour by its alpha, in place; fully opaque and
 * fully transparent pixels are left alone. E.g. `[64, 0, 32, 128]` →
 * `[128, 0, 64, 128]`.
 */
export function unpremultiply(rgba: Uint8Array): void {
  for (let offset = 0; offset < rgba.length; offset += 4) {
    const alpha = rgba[offset + 3] ?? 255;
    if (alpha === 255 || alpha === 0) {
      continue;
    }
    const scale = 255 / alpha;
    for (let channel = 0; channel < 3; channel++) {
      rgba[offset + channel] = Math.min(255, Math.round((rgba[offset + channel] ?? 0) * scale));
    }
  }
}
