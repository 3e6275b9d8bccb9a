import { describe, expect, it } from 'vitest';

import { parseRenderFlags, parseSize, type RenderFlags } from '../../src/cli/render-options.ts';

const flags = (overrides: Partial<RenderFlags>): RenderFlags => ({
  output: 'out.mp4',
  camera: 'orbit',
  theme: 'dark',
  antialias: true,
  gl: 'auto',
  ...overrides,
});

describe('parseRenderFlags', () => {
  it('uses 1280x720 at 30 fps for MP4 and 640x360 at 25 fps for GIF by default', () => {
    expect(parseRenderFlags(flags({}))).toMatchObject({ kind: 'mp4', width: 1280, height: 720, fps: 30, durationSeconds: 8 });
    expect(parseRenderFlags(flags({ output: 'a.gif' }))).toMatchObject({ kind: 'gif', width: 640, height: 360, fps: 25 });
  });

  it('snaps a GIF frame rate and says so', () => {
    const settings = parseRenderFlags(flags({ output: 'a.gif', fps: '30' }));
    expect(settings.fps).toBe(25);
    expect(settings.notices).toEqual(['GIF players cannot show 30 fps exactly; using 25 fps']);
  });

  it('rounds odd sizes up to even for video and says so', () => {
    const settings = parseRenderFlags(flags({ size: '641x361' }));
    expect(settings).toMatchObject({ width: 642, height: 362 });
    expect(settings.notices).toEqual(['MP4 video needs an even width and height; rendering 642x362 instead of 641x361']);
    expect(parseRenderFlags(flags({ output: 'a.png', size: '641x361' }))).toMatchObject({ width: 641, height: 361 });
  });

  it('rejects bad numbers, cameras, themes and --at on a video', () => {
    expect(() => parseRenderFlags(flags({ fps: '0' }))).toThrowError(/--fps '0': expected a number above 0/);
    expect(() => parseRenderFlags(flags({ duration: 'long' }))).toThrowError(/--duration 'long'/);
    expect(() => parseRenderFlags(flags({ camera: 'drone' }))).toThrowError(/--camera 'drone': expected one of/);
    expect(() => parseRenderFlags(flags({ theme: 'neon' }))).toThrowError(/--theme 'neon': expected one of dark/);
    expect(() => parseRenderFlags(flags({ at: '50%' }))).toThrowError(/--at only applies to a single \.png still/);
  });

  it('accepts a duration with a trailing s', () => {
    expect(parseRenderFlags(flags({ duration: '2.5s' })).durationSeconds).toBe(2.5);
  });
});

describe('parseSize', () => {
  it('reads WIDTHxHEIGHT', () => {
    expect(parseSize('640x360')).toEqual([640, 360]);
    expect(parseSize('1920X1080')).toEqual([1920, 1080]);
  });

  it('rejects malformed and out-of-range sizes', () => {
    expect(() => parseSize('big')).toThrowError(/--size 'big': expected WIDTHxHEIGHT/);
    expect(() => parseSize('8x8')).toThrowError(/between 16 and 7680/);
  });
});
