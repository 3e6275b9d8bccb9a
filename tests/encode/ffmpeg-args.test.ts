import { describe, expect, it } from 'vitest';

import { concatList } from '../../src/encode/concat-videos.ts';
import { concatArgs, ffmpegArgs, frameFormatFor, gifLoopValue, inputArgs } from '../../src/encode/ffmpeg-args.ts';
import { outputKindOf } from '../../src/encode/output-kind.ts';

/** The value that follows `flag` in an argument list. */
function valueOf(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index < 0 ? undefined : args[index + 1];
}

describe('inputArgs', () => {
  it('reads raw RGBA frames of the given size and rate from stdin', () => {
    const args = inputArgs({ width: 640, height: 360, fps: 25 });
    expect(valueOf(args, '-f')).toBe('rawvideo');
    expect(valueOf(args, '-pix_fmt')).toBe('rgba');
    expect(valueOf(args, '-video_size')).toBe('640x360');
    expect(valueOf(args, '-framerate')).toBe('25');
    expect(valueOf(args, '-i')).toBe('pipe:0');
  });
});

describe('ffmpegArgs', () => {
  const base = { width: 1280, height: 720, fps: 30 };

  it('writes H.264 in yuv420p with BT.709 tags and the index at the front for MP4', () => {
    const args = ffmpegArgs({ ...base, kind: 'mp4', outputPath: 'out.mp4' });
    expect(valueOf(args, '-c:v')).toBe('libx264');
    expect(valueOf(args, '-vf')).toContain('format=yuv420p');
    expect(valueOf(args, '-vf')).toMatch(/^vflip,/);
    expect(valueOf(args, '-colorspace')).toBe('bt709');
    expect(valueOf(args, '-movflags')).toBe('+faststart');
    expect(args.at(-1)).toBe('out.mp4');
  });

  it('builds one palette from all frames and loops forever for GIF', () => {
    const args = ffmpegArgs({ ...base, kind: 'gif', outputPath: 'out.gif' });
    const filter = valueOf(args, '-vf') ?? '';
    expect(filter).toMatch(/^vflip,split/);
    expect(filter).toContain('palettegen=stats_mode=full');
    expect(filter).toContain('paletteuse');
    expect(valueOf(args, '-loop')).toBe('0');
    expect(args[args.lastIndexOf('-f') + 1]).toBe('gif');
  });

  it('writes exactly one opaque frame for a PNG still', () => {
    const args = ffmpegArgs({ ...base, kind: 'png', outputPath: 'still.png' });
    expect(valueOf(args, '-frames:v')).toBe('1');
    expect(args.lastIndexOf('-pix_fmt')).toBeGreaterThan(args.indexOf('pipe:0'));
    expect(args[args.lastIndexOf('-pix_fmt') + 1]).toBe('rgb24');
  });

  it('keeps alpha and numbers frames from the start number for a PNG sequence', () => {
    const args = ffmpegArgs({ ...base, kind: 'png-sequence', outputPath: 'f/%04d.png', alpha: true, startNumber: 7 });
    expect(args[args.lastIndexOf('-pix_fmt') + 1]).toBe('rgba');
    expect(valueOf(args, '-start_number')).toBe('7');
    expect(args.at(-1)).toBe('f/%04d.png');
  });
});

describe('frames converted to YUV by the page', () => {
  const base = { width: 1280, height: 720, fps: 30, frameFormat: 'yuv420p' as const };

  it('is asked for only where the output is YUV 4:2:0 without alpha anyway', () => {
    expect(frameFormatFor('mp4', false, 1280, 720)).toBe('yuv420p');
    expect(frameFormatFor('webm', false, 320, 182)).toBe('yuv420p');
    expect(frameFormatFor('webm', true, 1280, 720)).toBe('rgba');
    expect(frameFormatFor('mp4', true, 1280, 720)).toBe('rgba');
    // The page packs four bytes a texel within one plane row: widths not a multiple of 8 stay RGBA.
    expect(frameFormatFor('mp4', false, 322, 182)).toBe('rgba');
    for (const kind of ['gif', 'apng', 'png', 'png-sequence'] as const) {
      expect(frameFormatFor(kind, false, 1280, 720)).toBe('rgba');
    }
  });

  it('reads yuv420p and encodes it as it is, keeping the BT.709 tags', () => {
    for (const kind of ['mp4', 'webm'] as const) {
      const args = ffmpegArgs({ ...base, kind, outputPath: `out.${kind}` });
      expect(args[args.indexOf('-pix_fmt') + 1]).toBe('yuv420p');
      expect(args.indexOf('-pix_fmt')).toBeLessThan(args.indexOf('-i'));
      expect(args).not.toContain('-vf');
      expect(valueOf(args, '-colorspace')).toBe('bt709');
      expect(valueOf(args, '-color_range')).toBe('tv');
    }
  });
});

describe('outputKindOf', () => {
  it('chooses the kind by extension, case-insensitively', () => {
    expect(outputKindOf('a/b.MP4')).toBe('mp4');
    expect(outputKindOf('x.gif')).toBe('gif');
    expect(outputKindOf('slide.png')).toBe('png');
    expect(outputKindOf('frames/%04d.png')).toBe('png-sequence');
    expect(outputKindOf('frames/f%d.png')).toBe('png-sequence');
  });

  it('rejects unknown extensions and patterns that are not PNG', () => {
    expect(() => outputKindOf('clip.avi')).toThrowErrorMatchingInlineSnapshot(
      `[UsageError: output clip.avi: unknown extension '.avi'; use .mp4, .webm, .gif, .apng, .png or a pattern like frames/%04d.png]`,
    );
    expect(() => outputKindOf('frames/%04d.jpg')).toThrowError(/must end in \.png/);
  });
});

describe('WebM, APNG, loops and concat', () => {
  const base = { width: 640, height: 360, fps: 25 };

  it('encodes VP9 in constant quality, with alpha only for transparent scenes', () => {
    const opaque = ffmpegArgs({ ...base, kind: 'webm', outputPath: 'a.webm' });
    expect(valueOf(opaque, '-c:v')).toBe('libvpx-vp9');
    expect(valueOf(opaque, '-b:v')).toBe('0');
    expect(valueOf(opaque, '-vf')).toContain('format=yuv420p');
    const alpha = ffmpegArgs({ ...base, kind: 'webm', outputPath: 'a.webm', alpha: true, crf: 20 });
    expect(valueOf(alpha, '-vf')).toBe('vflip,format=yuva420p');
    expect(valueOf(alpha, '-crf')).toBe('20');
  });

  it('writes APNG that plays the asked number of times', () => {
    const args = ffmpegArgs({ ...base, kind: 'apng', outputPath: 'a.apng', loopCount: 2 });
    expect(valueOf(args, '-c:v')).toBe('apng');
    expect(valueOf(args, '-plays')).toBe('2');
  });

  it("translates a play count into GIF's repeat count", () => {
    expect(gifLoopValue(0)).toBe(0);
    expect(gifLoopValue(1)).toBe(-1);
    expect(gifLoopValue(3)).toBe(2);
    const args = ffmpegArgs({ ...base, kind: 'gif', outputPath: 'a.gif', gif: { colors: 64, dither: 'none' }, loopCount: 1 });
    expect(valueOf(args, '-vf')).toContain('max_colors=64');
    expect(valueOf(args, '-vf')).toContain('dither=none');
    expect(valueOf(args, '-loop')).toBe('-1');
  });

  it('joins by copying streams and lists parts by absolute, quoted path', () => {
    const args = concatArgs('list.ffconcat', 'out.mp4', 'mp4');
    expect(valueOf(args, '-c')).toBe('copy');
    expect(valueOf(args, '-f')).toBe('concat');
    expect(concatList(['/a/it\'s.mp4', '/b/two.mp4'])).toBe("ffconcat version 1.0\nfile '/a/it'\\''s.mp4'\nfile '/b/two.mp4'\n");
  });
});
