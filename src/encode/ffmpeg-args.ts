/**
 * Pure builders of ffmpeg argument lists. Frames always arrive on stdin as
 * raw RGBA rows, bottom row first (the order WebGL reads them), so every
 * output starts with a vertical flip.
 */

import type { OutputKind } from './output-kind.ts';

/** What to encode and where. */
export interface EncodeSpec {
  kind: OutputKind;
  width: number;
  height: number;
  fps: number;
  /** The file (or `%04d` pattern) ffmpeg writes. */
  outputPath: string;
  /** Keep the alpha channel (PNG outputs only). */
  alpha?: boolean;
  /** First number of a PNG sequence. */
  startNumber?: number;
}

/** x264 quality: 18 is visually lossless for flat-coloured scenes. */
export const MP4_CRF = 18;
/** x264 speed preset: encoding keeps up with drawing at this preset on 2 cores. */
export const MP4_PRESET = 'veryfast';

/**
 * Builds the full argument list, e.g. for a 640×360 GIF at 25 fps:
 * `-f rawvideo -pix_fmt rgba -video_size 640x360 -framerate 25 -i pipe:0 -vf vflip,split… -loop 0 -f gif out.gif`.
 */
export function ffmpegArgs(spec: EncodeSpec): string[] {
  return [...inputArgs(spec), ...outputArgs(spec), spec.outputPath];
}

/** Raw RGBA frames on stdin. */
export function inputArgs({ width, height, fps }: Pick<EncodeSpec, 'width' | 'height' | 'fps'>): string[] {
  return [
    '-hide_banner',
    // Only real errors reach stderr; their last lines go into our error message.
    '-loglevel', 'error',
    '-f', 'rawvideo',
    '-pix_fmt', 'rgba',
    '-video_size', `${width}x${height}`,
    '-framerate', String(fps),
    '-i', 'pipe:0',
  ];
}

function outputArgs(spec: EncodeSpec): string[] {
  switch (spec.kind) {
    case 'mp4':
      return [
        // Convert with the BT.709 matrix in limited range and say so in the stream, so players show the scene's colours.
        '-vf', 'vflip,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p',
        '-c:v', 'libx264',
        '-preset', MP4_PRESET,
        '-crf', String(MP4_CRF),
        '-colorspace', 'bt709',
        '-color_primaries', 'bt709',
        '-color_trc', 'bt709',
        '-color_range', 'tv',
        // Index at the front so browsers start playing before the whole file arrives.
        '-movflags', '+faststart',
        '-f', 'mp4',
        '-y',
      ];
    case 'gif':
      return [
        // One filter graph: a palette built from every frame, then applied with error diffusion.
        '-vf', 'vflip,split[frames][forPalette];[forPalette]palettegen=stats_mode=full[palette];[frames][palette]paletteuse=dither=sierra2_4a',
        // Loop forever.
        '-loop', '0',
        '-f', 'gif',
        '-y',
      ];
    case 'png':
      return ['-vf', 'vflip', '-frames:v', '1', '-c:v', 'png', '-pix_fmt', pngPixelFormat(spec), '-update', '1', '-f', 'image2', '-y'];
    case 'png-sequence':
      return [
        '-vf', 'vflip',
        '-c:v', 'png',
        '-pix_fmt', pngPixelFormat(spec),
        '-start_number', String(spec.startNumber ?? 0),
        '-f', 'image2',
        '-y',
      ];
  }
}

function pngPixelFormat(spec: EncodeSpec): string {
  return spec.alpha ? 'rgba' : 'rgb24';
}
