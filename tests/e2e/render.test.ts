/**
 * End to end: the real CLI renders the ping-pong scene's recorded trace in a
 * real Chromium and encodes it with a real ffmpeg. Renders are small and
 * short so the suite stays fast on two cores.
 */

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadTrace } from '../../src/cli/load-trace.ts';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import { planFrames } from '../../src/render/render-trace.ts';
import type { SceneData, SceneSegment } from '../../src/scene/contract.ts';
import {
  colourDistance,
  decodeFrame,
  hexToRgb,
  nearestColourDistance,
  PING_PONG_TRACE,
  pixelAt,
  probeVideo,
  projectToPixel,
  runCli,
} from './helpers.ts';

const WIDTH = 320;
const HEIGHT = 180;
const SIZE = `${WIDTH}x${HEIGHT}`;
const dir = mkdtempSync(join(tmpdir(), 'gotrace-e2e-'));
const background = hexToRgb(DARK_THEME.background);

let scene: SceneData;

beforeAll(async () => {
  const model = await loadTrace(PING_PONG_TRACE);
  scene = buildScene(model, { width: WIDTH, height: HEIGHT, theme: DARK_THEME, showRuntime: false, antialias: true });
});

/** The longest segments that are fully drawn by `timeNs`, with where their middle is in the scene. */
function drawnSegments(timeNs: number, count: number): { segment: SceneSegment; point: [number, number, number] }[] {
  const all = scene.goroutines.flatMap((goroutine) =>
    goroutine.segments
      .filter((segment) => segment.endNs <= timeNs)
      .map((segment) => {
        const midNs = (segment.startNs + segment.endNs) / 2;
        return { segment, point: [goroutine.x, scene.topY - midNs * scene.unitsPerNs, goroutine.z] as [number, number, number] };
      }),
  );
  return all.sort((a, b) => b.segment.endNs - b.segment.startNs - (a.segment.endNs - a.segment.startNs)).slice(0, count);
}

describe('render to PNG', () => {
  it('draws the background in the corners and each goroutine in its state colour', () => {
    const out = join(dir, 'still.png');
    const run = runCli(['render', PING_PONG_TRACE, '-o', out, '--at', '60%', '--size', SIZE, '--camera', 'static', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    expect(probeVideo(out)).toMatchObject({ codec: 'png', pixFmt: 'rgb24', width: WIDTH, height: HEIGHT });
    const rgb = decodeFrame(out, 0);
    expect(pixelAt(rgb, WIDTH, 1, 1)).toEqual(background);
    expect(pixelAt(rgb, WIDTH, WIDTH - 2, HEIGHT - 2)).toEqual(background);

    const timeNs = Math.round(scene.durationNs * 0.6);
    const [frame] = planFrames({ fps: 1, durationSeconds: 1, camera: 'static', atNs: timeNs }, scene, true);
    const checked = drawnSegments(timeNs, 3);
    expect(checked.length).toBe(3);
    for (const { segment, point } of checked) {
      const [x, y] = projectToPixel(frame!.camera, WIDTH, HEIGHT, point);
      const want = hexToRgb(DARK_THEME.states[segment.state]);
      const distance = nearestColourDistance(rgb, WIDTH, HEIGHT, x, y, want, 2);
      expect(distance, `${segment.state} segment at pixel (${x.toFixed(0)}, ${y.toFixed(0)})`).toBeLessThan(40);
    }
  });

  it('gives byte-identical frames when rendered twice', () => {
    const first = join(dir, 'twice-1.png');
    const second = join(dir, 'twice-2.png');
    for (const out of [first, second]) {
      expect(runCli(['render', PING_PONG_TRACE, '-o', out, '--at', '35%', '--size', SIZE, '--quiet']).status).toBe(0);
    }
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
  });
});

describe('render to video', () => {
  it('writes H.264 yuv420p MP4 with the requested size and frame count', () => {
    const out = join(dir, 'clip.mp4');
    const run = runCli(['render', PING_PONG_TRACE, '-o', out, '--size', SIZE, '--fps', '10', '--duration', '1.2', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ frames: 12, width: WIDTH, height: HEIGHT });

    expect(probeVideo(out)).toEqual({ codec: 'h264', pixFmt: 'yuv420p', width: WIDTH, height: HEIGHT, frames: 12 });
    const last = decodeFrame(out, 11);
    expect(colourDistance(pixelAt(last, WIDTH, 2, 2), background)).toBeLessThanOrEqual(4);
  });

  it('writes a looping GIF at a rate GIF players honour', () => {
    const out = join(dir, 'clip.gif');
    expect(runCli(['render', PING_PONG_TRACE, '-o', out, '--size', SIZE, '--fps', '10', '--duration', '1', '--quiet']).status).toBe(0);
    expect(probeVideo(out)).toMatchObject({ codec: 'gif', width: WIDTH, height: HEIGHT, frames: 10 });
    expect(colourDistance(pixelAt(decodeFrame(out, 9), WIDTH, 2, 2), background)).toBeLessThanOrEqual(4);
  });

  it('writes a numbered PNG per frame for a pattern', () => {
    const frames = join(dir, 'frames');
    expect(runCli(['render', PING_PONG_TRACE, '-o', join(frames, '%03d.png'), '--size', SIZE, '--fps', '5', '--duration', '0.8', '--quiet']).status).toBe(0);
    expect(readdirSync(frames).sort()).toEqual(['000.png', '001.png', '002.png', '003.png']);
  });
});

describe('bad input', () => {
  it('rejects a file that is not a trace with one line, exit 2, and no output', () => {
    const bogus = join(dir, 'notes.txt');
    writeFileSync(bogus, 'just some notes\n');
    const out = join(dir, 'never.mp4');
    const run = runCli(['render', bogus, '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: .*notes\.txt: /);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing output untouched when the output cannot be written', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where a folder should be');
    const run = runCli(['render', PING_PONG_TRACE, '-o', join(blocked, 'x.mp4')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot write .*x\.mp4/);
    expect(readFileSync(blocked, 'utf8')).toBe('a file where a folder should be');
  });

  it('refuses an output path that is a folder before rendering', () => {
    const folder = join(dir, 'taken.mp4');
    mkdirSync(folder);
    const run = runCli(['render', PING_PONG_TRACE, '-o', folder]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot write .*taken\.mp4: a folder of that name is in the way\n$/);
  });

  it('names a broken ffmpeg instead of failing obscurely', () => {
    const run = runCli(['render', PING_PONG_TRACE, '-o', join(dir, 'z.mp4'), '--size', SIZE, '--duration', '0.2', '--ffmpeg', '/bin/false']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: ffmpeg \(\/bin\/false\) failed with exit code 1; check it with gotrace-render doctor\n$/);
    expect(existsSync(join(dir, 'z.mp4'))).toBe(false);
  });

  it('refuses a recording with no goroutines instead of drawing an empty picture', () => {
    const empty = join(dir, 'empty.data.js');
    writeFileSync(empty, 'data = [];\n');
    const run = runCli(['render', empty, '-o', join(dir, 'empty.png')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: .*empty\.data\.js: the trace holds no goroutines to draw\n$/);
  });

  it('names a missing file', () => {
    const run = runCli(['render', join(dir, 'missing.out'), '-o', join(dir, 'y.png')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: .*missing\.out: no such file\n$/);
  });
});
