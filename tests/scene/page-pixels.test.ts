/**
 * Pixel tests of the scene page in a real headless browser: small renders,
 * colours checked at known places with a tolerance (software GL backends
 * differ in the last bits), never whole-image hashes.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DARK_THEME, getTheme, LIGHT_THEME } from '../../src/layout/themes.ts';
import type { FrameState, SceneData, SceneOverlay, SceneSegment, Theme } from '../../src/scene/contract.ts';
import { colourDistance, countNear, PageHarness, rgbOf } from './page-harness.ts';
import type { Frame } from './page-harness.ts';

const WIDTH = 160;
const HEIGHT = 120;
const CAMERA_DISTANCE = 150;
const FOV_DEG = 40;

/** The line shader shades a ribbon like a tube; at its centre a colour comes out at this share. */
const TUBE_CENTRE_SHADE = 0.5 + 0.5 / Math.hypot(-0.35, 0.3, 1);

const STATES: Array<Omit<SceneSegment, 'startNs' | 'endNs'>> = [
  { state: 'running' },
  { state: 'runnable' },
  { state: 'blocked', reason: 'chan receive' },
  { state: 'blocked', reason: 'select' },
  { state: 'blocked', reason: 'sync' },
  { state: 'blocked', reason: 'network' },
  { state: 'syscall' },
  { state: 'sleeping' },
];
const SEGMENT_NS = 100;
const DURATION_NS = STATES.length * SEGMENT_NS;
const NO_OVERLAY: SceneOverlay = { title: '', subtitle: '', timeCounter: false, legend: [] };

let harness: PageHarness;

beforeAll(async () => {
  harness = await PageHarness.open();
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

/** One goroutine at the origin passing through every state, seen straight from the front. */
function stateScene(theme: Theme, overlay: SceneOverlay = NO_OVERLAY): SceneData {
  return {
    theme: { ...theme, lineWidth: 8 },
    width: WIDTH,
    height: HEIGHT,
    antialias: false,
    topY: 50,
    unitsPerNs: 100 / DURATION_NS,
    durationNs: DURATION_NS,
    goroutines: [
      {
        id: 1,
        label: 'main',
        showLabel: false,
        x: 0,
        z: 0,
        createdNs: 0,
        endNs: DURATION_NS,
        alive: true,
        segments: STATES.map((state, index) => ({ ...state, startNs: index * SEGMENT_NS, endNs: (index + 1) * SEGMENT_NS })),
      },
    ],
    links: [],
    arrows: [],
    overlay,
  };
}

function frontView(timeNs: number): FrameState {
  return { timeNs, camera: { position: [0, 0, CAMERA_DISTANCE], target: [0, 0, 0], fovDeg: FOV_DEG } };
}

/** Screen row of scene height `y` for {@link frontView}. */
function rowOf(y: number): number {
  const halfHeightUnits = Math.tan((FOV_DEG * Math.PI) / 360) * CAMERA_DISTANCE;
  return HEIGHT / 2 - (y / halfHeightUnits) * (HEIGHT / 2);
}

/** The row through the middle of state segment `index`. */
function segmentRow(index: number): number {
  return rowOf(50 - (index + 0.5) * (100 / STATES.length));
}

function expectedLineColour(theme: Theme, index: number): number[] {
  const { state, reason } = STATES[index]!;
  const hex = (state === 'blocked' && reason !== undefined ? theme.blockReasons[reason] : undefined) ?? theme.states[state];
  return rgbOf(hex).map((channel) => channel * TUBE_CENTRE_SHADE);
}

describe('scene page pixels', () => {
  it('colours each state and block reason along a line, on the theme background', async () => {
    for (const theme of [DARK_THEME, LIGHT_THEME]) {
      const frame = await harness.draw(stateScene(theme), frontView(DURATION_NS));
      expect(colourDistance(frame.at(2, 2), rgbOf(theme.background))).toBeLessThanOrEqual(2);
      STATES.forEach((segment, index) => {
        const got = frame.at(WIDTH / 2, segmentRow(index));
        expect(colourDistance(got, expectedLineColour(theme, index)), `${theme.name} ${segment.state} ${segment.reason ?? ''}: got ${got}`).toBeLessThanOrEqual(10);
      });
    }
  });

  it('draws nothing of the states still to come', async () => {
    const frame = await harness.draw(stateScene(DARK_THEME), frontView(3 * SEGMENT_NS));
    expect(colourDistance(frame.at(WIDTH / 2, segmentRow(1)), expectedLineColour(DARK_THEME, 1))).toBeLessThanOrEqual(10);
    expect(colourDistance(frame.at(WIDTH / 2, segmentRow(6)), rgbOf(DARK_THEME.background))).toBeLessThanOrEqual(2);
  });

  it('keeps flat colours and the background through the cheap smoothing pass', async () => {
    const frame = await harness.draw({ ...stateScene(DARK_THEME), fxaa: true }, frontView(DURATION_NS));
    expect(colourDistance(frame.at(2, 2), rgbOf(DARK_THEME.background))).toBeLessThanOrEqual(2);
    for (const index of [0, 4, 7]) {
      expect(colourDistance(frame.at(WIDTH / 2, segmentRow(index)), expectedLineColour(DARK_THEME, index))).toBeLessThanOrEqual(10);
    }
  });

  it('leaves a transparent background clear and writes lines with straight, opaque colour', async () => {
    const theme = getTheme('transparent')!;
    const frame = await harness.draw(stateScene(theme), frontView(DURATION_NS));
    expect(frame.at(2, 2)[3]).toBe(0);
    const line = frame.at(WIDTH / 2, segmentRow(0));
    expect(line[3]).toBe(255);
    expect(colourDistance(line, expectedLineColour(theme, 0))).toBeLessThanOrEqual(10);
  });

  it('shows the title top left and the legend bottom right only when asked', async () => {
    const overlay: SceneOverlay = {
      title: 'Ping-pong',
      subtitle: '',
      timeCounter: true,
      legend: [{ colour: '#00ff00', text: 'running', shape: 'line' }],
    };
    const text = rgbOf(DARK_THEME.overlayText);
    const titleBox: [number, number, number, number] = [0, 0, WIDTH / 2, HEIGHT / 5];
    const legendBox: [number, number, number, number] = [WIDTH / 2, (HEIGHT * 4) / 5, WIDTH, HEIGHT];
    const counterBox: [number, number, number, number] = [0, (HEIGHT * 4) / 5, WIDTH / 2, HEIGHT];

    const plain = await harness.draw(stateScene(DARK_THEME), frontView(DURATION_NS));
    expect(countNear(plain, titleBox, text, 30)).toBe(0);
    expect(countNear(plain, legendBox, [0, 255, 0], 30)).toBe(0);

    const dressed: Frame = await harness.draw(stateScene(DARK_THEME, overlay), frontView(DURATION_NS));
    expect(countNear(dressed, titleBox, text, 30)).toBeGreaterThan(8);
    expect(countNear(dressed, legendBox, [0, 255, 0], 30)).toBeGreaterThan(10);
    expect(countNear(dressed, counterBox, text, 30)).toBeGreaterThan(10);
  });

  it('rings a goroutine still alive only once the trace has ended', async () => {
    // Seen from above at an angle, the ring round the line's foot is visible.
    const pose = (timeNs: number): FrameState => ({ timeNs, camera: { position: [0, 40, 60], target: [0, -50, 0], fovDeg: FOV_DEG } });
    const alive = rgbOf(DARK_THEME.alive);
    const box: [number, number, number, number] = [0, 0, WIDTH, HEIGHT];
    const before = await harness.draw(stateScene(DARK_THEME), pose(DURATION_NS - SEGMENT_NS / 2));
    const after = await harness.draw(stateScene(DARK_THEME), pose(DURATION_NS));
    expect(countNear(before, box, alive, 20)).toBe(0);
    expect(countNear(after, box, alive, 20)).toBeGreaterThan(10);
  });
});
