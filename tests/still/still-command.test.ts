import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseStillSize, stillPaths } from '../../src/cli/still-command.ts';
import { decodeFrame, PING_PONG_TRACE, probeVideo, runCli } from '../e2e/helpers.ts';

describe('parseStillSize', () => {
  it('knows the presets and scales them', () => {
    expect(parseStillSize(undefined, undefined)).toEqual([1920, 1080]);
    expect(parseStillSize('720p', '2')).toEqual([2560, 1440]);
    expect(parseStillSize('4:3', undefined)).toEqual([1440, 1080]);
    expect(parseStillSize('4K', '0.5')).toEqual([1920, 1080]);
    expect(parseStillSize('300x200', '1.5')).toEqual([450, 300]);
  });

  it('refuses unknown sizes, bad scales and pictures too big', () => {
    expect(() => parseStillSize('8k', undefined)).toThrowError("--size '8k': expected 720p, 1080p, 4k, 4:3 or WIDTHxHEIGHT");
    expect(() => parseStillSize('720p', '0')).toThrowError("--scale '0': expected a number above 0 and at most 4");
    expect(() => parseStillSize('4k', '3')).toThrowError('--size 4k --scale 3 gives 11520x6480; each side must be 16 to 7680 pixels');
  });
});

describe('stillPaths', () => {
  it('numbers a pattern from 1 and keeps a plain name for one still', () => {
    expect(stillPaths('slide.png', 1)).toEqual(['slide.png']);
    expect(stillPaths('out/slide-%d.png', 3)).toEqual(['out/slide-1.png', 'out/slide-2.png', 'out/slide-3.png']);
    expect(stillPaths('s%02d.png', 2)).toEqual(['s01.png', 's02.png']);
  });

  it('asks for a pattern when several moments are given, and for .png', () => {
    expect(() => stillPaths('slide.png', 2)).toThrowError('2 times given with --at need a numbered output such as slide-%d.png');
    expect(() => stillPaths('slide.jpg', 1)).toThrowError('-o slide.jpg: a still is a .png file');
  });
});

describe('still command', () => {
  it('writes one transparent PNG per --at, viewed along a camera path file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gotrace-still-'));
    const pathFile = join(dir, 'shot.json');
    writeFileSync(
      pathFile,
      JSON.stringify({ keyframes: [{ at: '0%', position: [0, 0, 260], target: [0, -50, 0] }, { at: '100%', position: [200, 40, 0], target: [0, -50, 0], fov: 30 }] }),
    );
    const run = runCli(['still', PING_PONG_TRACE, '--at', '20%', '--at', '0.9s', '-o', join(dir, 'slide-%d.png'), '--size', '160x90', '--scale', '2', '--transparent', '--camera', pathFile, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['shot.json', 'slide-1.png', 'slide-2.png']);
    expect(probeVideo(join(dir, 'slide-2.png'))).toMatchObject({ codec: 'png', pixFmt: 'rgba', width: 320, height: 180 });
    // Two different moments and views give two different pictures.
    expect(decodeFrame(join(dir, 'slide-1.png'), 0).equals(decodeFrame(join(dir, 'slide-2.png'), 0))).toBe(false);
  });

  it('names the file, keyframe and key of a bad camera path, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gotrace-still-'));
    const pathFile = join(dir, 'bad.json');
    writeFileSync(pathFile, JSON.stringify({ keyframes: [{ at: '50%', position: [0, 0, 1], target: [0, 0, 0] }, { at: '10%', position: [0, 0, 1], target: [0, 0] }] }));
    const run = runCli(['still', PING_PONG_TRACE, '-o', join(dir, 'x.png'), '--camera', pathFile]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: ${pathFile}: keyframes[1].target: expected three numbers [x, y, z], got [0,0]\n`);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });
});
