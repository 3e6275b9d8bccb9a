/**
 * Pure builders of ffmpeg argument lists. Frames arrive on stdin either as
 * raw RGBA rows, bottom row first (the order WebGL reads them), so the
 * output starts with a vertical flip; or, for MP4 and opaque WebM, already
 * converted by the page to I420 planes, top row first, which the encoder
 * takes as they are.
 */

import { fitsI420 } from '../scene/i420-layout.ts';
import type { OutputKind } from './output-kind.ts';

/** Error-diffusion or ordered dithering for GIF palettes (ffmpeg's paletteuse names). */
export type GifDither = 'none' | 'bayer' | 'floyd_steinberg' | 'sierra2' | 'sierra2_4a';

/** What to encode and where. */
export interface EncodeSpec {
  kind: OutputKind;
  width: number;
  height: number;
  fps: number;
  /** The file (or `%04d` pattern) ffmpeg writes. */
  outputPath: string;
  /** Keep the alpha channel (PNG, APNG and WebM). */
  alpha?: boolean;
  /** How frames arrive: RGBA bottom row first (the default) or I420 top row first (see {@link frameFormatFor}). */
  frameFormat?: FrameFormat;
  /** First number of a PNG sequence. */
  startNumber?: number;
  /** x264 / VP9 constant-quality factor; lower is better and bigger. */
  crf?: number;
  /** x264 speed preset. */
  preset?: string;
  gif?: GifOptions;
  /** Times an animated GIF or APNG plays; 0 = forever. */
  loopCount?: number;
}

/** Palette options of GIF output. */
export interface GifOptions {
  /** Colours in the palette, 2–256. */
  colors: number;
  dither: GifDither;
}

/** Raw frame layouts the page can send. */
export type FrameFormat = 'rgba' | 'yuv420p';

/**
 * The frame layout to ask the page for: I420 for the outputs ffmpeg would
 * store as BT.709 limited-range YUV 4:2:0 anyway (MP4, and WebM without
 * alpha), so the page converts on the GPU and moves 1.5 bytes a pixel
 * instead of 4; RGBA for everything that keeps RGB or alpha. MP4 of a
 * transparent theme stays RGBA too (its colours must be un-premultiplied
 * first, which only the RGBA path does), and so do widths the page cannot
 * pack (not a multiple of 8, see `fitsI420`).
 */
export function frameFormatFor(kind: OutputKind, alpha: boolean, widthPx: number, heightPx: number): FrameFormat {
  return (kind === 'mp4' || kind === 'webm') && !alpha && fitsI420(widthPx, heightPx) ? 'yuv420p' : 'rgba';
}

/** x264 quality: 18 is visually lossless for flat-coloured scenes. */
export const MP4_CRF = 18;
/** x264 speed preset: encoding keeps up with drawing at this preset on 2 cores. */
export const MP4_PRESET = 'veryfast';
/** VP9 quality in constant-quality mode. */
export const WEBM_CRF = 30;
/** 128 colours: the scene has a handful of flat colours plus their edges, and the file is about a tenth smaller than with 256. */
export const DEFAULT_GIF: GifOptions = { colors: 128, dither: 'sierra2_4a' };

/**
 * Builds the full argument list, e.g. for a 640×360 GIF at 25 fps:
 * `-f rawvideo -pix_fmt rgba -video_size 640x360 -framerate 25 -i pipe:0 -vf vflip,split… -loop 0 -f gif out.gif`.
 */
export function ffmpegArgs(spec: EncodeSpec): string[] {
  return [...inputArgs(spec), ...outputArgs(spec), spec.outputPath];
}

/** Raw frames on stdin, RGBA unless `frameFormat` says otherwise. */
export function inputArgs({ width, height, fps, frameFormat = 'rgba' }: Pick<EncodeSpec, 'width' | 'height' | 'fps' | 'frameFormat'>): string[] {
  return [
    '-hide_banner',
    // Only real errors reach stderr; their last lines go into our error message.
    '-loglevel', 'error',
    '-f', 'rawvideo',
    '-pix_fmt', frameFormat,
    '-video_size', `${width}x${height}`,
    '-framerate', String(fps),
    '-i', 'pipe:0',
  ];
}

/** ffmpeg's `-loop` for GIF counts repeats: -1 plays once, 0 loops forever. */
export function gifLoopValue(loopCount: number): number {
  return loopCount === 0 ? 0 : loopCount === 1 ? -1 : loopCount - 1;
}

/** RGBA frames are flipped and converted with the BT.709 matrix in limited range; I420 frames from the page already are. */
function toBt709Yuv(spec: EncodeSpec): string[] {
  return spec.frameFormat === 'yuv420p' ? [] : ['-vf', 'vflip,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p'];
}

function outputArgs(spec: EncodeSpec): string[] {
  switch (spec.kind) {
    case 'mp4':
      return [
        // BT.709 limited-range YUV, and the stream says so, so players show the scene's colours.
        ...toBt709Yuv(spec),
        '-c:v', 'libx264',
        '-preset', spec.preset ?? MP4_PRESET,
        '-crf', String(spec.crf ?? MP4_CRF),
        ...BT709_TAGS,
        // Index at the front so browsers start playing before the whole file arrives.
        '-movflags', '+faststart',
        '-f', 'mp4',
        '-y',
      ];
    case 'webm':
      return [
        ...(spec.alpha ? ['-vf', 'vflip,format=yuva420p'] : toBt709Yuv(spec)),
        '-c:v', 'libvpx-vp9',
        // Constant quality: with a zero bitrate cap the CRF alone decides.
        '-crf', String(spec.crf ?? WEBM_CRF),
        '-b:v', '0',
        // Speed: good quality, fast setting, rows in parallel.
        '-deadline', 'good',
        '-cpu-used', '4',
        '-row-mt', '1',
        ...(spec.alpha ? ['-auto-alt-ref', '0'] : BT709_TAGS),
        '-f', 'webm',
        '-y',
      ];
    case 'gif': {
      const { colors, dither } = spec.gif ?? DEFAULT_GIF;
      return [
        // One filter graph: a palette built from every frame of the clip, then applied.
        '-vf',
        `vflip,split[frames][forPalette];[forPalette]palettegen=stats_mode=full:max_colors=${colors}[palette];` +
          `[frames][palette]paletteuse=dither=${dither}`,
        '-loop', String(gifLoopValue(spec.loopCount ?? 0)),
        '-f', 'gif',
        '-y',
      ];
    }
    case 'apng':
      return ['-vf', 'vflip', '-c:v', 'apng', '-pix_fmt', pngPixelFormat(spec), '-plays', String(spec.loopCount ?? 0), '-f', 'apng', '-y'];
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

const BT709_TAGS = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];

function pngPixelFormat(spec: EncodeSpec): string {
  return spec.alpha ? 'rgba' : 'rgb24';
}

/** Arguments that join same-format chunks listed in `listPath` (an ffconcat file) without re-encoding. */
export function concatArgs(listPath: string, outputPath: string, kind: 'mp4' | 'webm'): string[] {
  return [
    '-hide_banner',
    '-loglevel', 'error',
    '-f', 'concat',
    '-safe', '0',
    '-i', listPath,
    // Copy the compressed streams: joining loses nothing.
    '-c', 'copy',
    ...(kind === 'mp4' ? ['-movflags', '+faststart'] : []),
    '-f', kind,
    '-y',
    outputPath,
  ];
}
