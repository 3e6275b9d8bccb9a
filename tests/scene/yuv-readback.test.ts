/**
 * The page's GPU conversion to I420 against the RGBA it would otherwise
 * read: the same frame, converted in the test with the BT.709 limited-range
 * formulas, must match within a level in every plane, also when the U
 * plane ends in the middle of a texel row and with the smoothing pass and
 * overlay text drawn on top, and on a frame that is not the first drawn.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DARK_THEME, LIGHT_THEME } from '../../src/layout/themes.ts';
import type { FrameState, SceneData, SceneOverlay, Theme } from '../../src/scene/contract.ts';
import { fitsI420, i420FrameBytes, i420TargetSize } from '../../src/scene/i420-layout.ts';
import { PageHarness } from './page-harness.ts';

const DURATION_NS = 1_000;
const OVERLAY: SceneOverlay = { title: 'I420', subtitle: '', timeCounter: true, legend: [{ colour: '#00ff00', text: 'running', shape: 'line' }] };

let harness: PageHarness;

beforeAll(async () => {
  harness = await PageHarness.open();
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

/** A few goroutines in different states, so every plane has edges and flat areas. */
function scene(width: number, height: number, theme: Theme, extra: Partial<SceneData> = {}): SceneData {
  const states = ['running', 'runnable', 'blocked', 'syscall', 'sleeping'] as const;
  return {
    theme: { ...theme, lineWidth: 6 },
    width,
    height,
    antialias: true,
    topY: 50,
    unitsPerNs: 100 / DURATION_NS,
    durationNs: DURATION_NS,
    goroutines: states.map((state, index) => ({
      id: index + 1,
      label: `g${index + 1}`,
      showLabel: index === 0,
      x: (index - 2) * 18,
      z: 0,
      createdNs: 0,
      endNs: DURATION_NS,
      alive: index === 0,
      segments: [
        { state, startNs: 0, endNs: DURATION_NS / 2 },
        { state: states[(index + 2) % states.length]!, startNs: DURATION_NS / 2, endNs: DURATION_NS },
      ],
    })),
    links: [{ fromX: -36, fromZ: 0, toX: 36, toZ: 0, atNs: 100 }],
    arrows: [{ fromX: -18, fromZ: 0, toX: 18, toZ: 0, sendNs: 300, receiveNs: 400, kind: 'channel' }],
    overlay: { title: '', subtitle: '', timeCounter: false, legend: [] },
    ...extra,
  };
}

const FRONT: FrameState = { timeNs: DURATION_NS * 0.8, camera: { position: [10, 20, 150], target: [0, 0, 0], fovDeg: 40 } };
/** Drawn first, so the compared frame is not the first after loading (a pass can leave state behind). */
const EARLIER: FrameState = { timeNs: DURATION_NS * 0.3, camera: { position: [-20, 10, 140], target: [0, 0, 0], fovDeg: 40 } };

/** BT.709 limited-range I420 of RGBA rows given bottom row first, chroma from each 2×2 block's mean. */
function referenceI420(bottomFirst: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(i420FrameBytes(width, height));
  const rgb = (x: number, y: number): [number, number, number] => {
    const offset = ((height - 1 - y) * width + x) * 4;
    return [bottomFirst[offset]! / 255, bottomFirst[offset + 1]! / 255, bottomFirst[offset + 2]! / 255];
  };
  const luma = ([r, g, b]: number[]): number => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = Math.round(16 + 219 * luma(rgb(x, y)));
  }
  const chromaWidth = width / 2;
  const chromaBytes = chromaWidth * (height / 2);
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < chromaWidth; x++) {
      const block = [rgb(2 * x, 2 * y), rgb(2 * x + 1, 2 * y), rgb(2 * x, 2 * y + 1), rgb(2 * x + 1, 2 * y + 1)];
      const mean = [0, 1, 2].map((channel) => block.reduce((sum, pixel) => sum + pixel[channel]!, 0) / 4) as [number, number, number];
      const y709 = luma(mean);
      out[width * height + y * chromaWidth + x] = Math.round(128 + (224 * (mean[2] - y709)) / 1.8556);
      out[width * height + chromaBytes + y * chromaWidth + x] = Math.round(128 + (224 * (mean[0] - y709)) / 1.5748);
    }
  }
  return out;
}

/** Largest difference between two equally long byte arrays, and where it is. */
function largestDifference(a: Uint8Array, b: Uint8Array): { levels: number; at: number } {
  let worst = { levels: 0, at: -1 };
  for (let i = 0; i < a.length; i++) {
    const levels = Math.abs(a[i]! - b[i]!);
    if (levels > worst.levels) worst = { levels, at: i };
  }
  return worst;
}

describe('I420 read-back', () => {
  it('packs a frame into a target four bytes a texel, padding the last row when needed', () => {
    expect(i420FrameBytes(1280, 720)).toBe(1_382_400);
    expect(i420TargetSize(1280, 720)).toEqual({ width: 320, height: 1080 });
    expect(i420TargetSize(320, 182)).toEqual({ width: 80, height: 273 });
    expect(fitsI420(320, 180)).toBe(true);
    expect(fitsI420(322, 182)).toBe(false);
  });

  const cases: Array<[string, SceneData]> = [
    ['dark, 160x120', scene(160, 120, DARK_THEME)],
    ['light, 168x90 (chroma planes end mid-row)', scene(168, 90, LIGHT_THEME)],
    ['smoothing pass and overlay, 200x112', scene(200, 112, DARK_THEME, { antialias: false, fxaa: true, overlay: OVERLAY })],
  ];
  for (const [name, data] of cases) {
    it(`matches the RGBA frame converted on the CPU: ${name}`, async () => {
      const rgba = await harness.drawBytes({ ...data, readback: 'rgba' }, [EARLIER, FRONT]);
      const i420 = await harness.drawBytes({ ...data, readback: 'yuv420p' }, [EARLIER, FRONT]);
      expect(i420.length).toBe(i420FrameBytes(data.width, data.height));
      // Lines, links and text are on screen, not just the background.
      expect(new Set(i420.subarray(0, data.width * data.height)).size).toBeGreaterThan(20);
      const worst = largestDifference(i420, referenceI420(rgba, data.width, data.height));
      expect(worst.levels, `byte ${worst.at}`).toBeLessThanOrEqual(1);
    });
  }

  it('gives the same bytes for the same frame drawn twice', async () => {
    const data: SceneData = { ...scene(160, 120, DARK_THEME, { overlay: OVERLAY }), readback: 'yuv420p' };
    const first = await harness.drawBytes(data, FRONT);
    const second = await harness.drawBytes(data, FRONT);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
