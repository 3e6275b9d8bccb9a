/**
 * The preview in a real headless Chromium: start `gotrace-render preview`,
 * turn the view with the mouse at the first and last moment, add both as
 * keyframes, download the camera path, render a clip with it, and check the
 * clip's first and last frames show the preview's views.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parsePathFile } from '../../src/camera/path-file.ts';
import { loadTrace } from '../../src/cli/load-trace.ts';
import { buildScene } from '../../src/layout/build-scene.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import type { PreviewApi } from '../../src/preview/preview-data.ts';
import { browserFlags, GL_BACKENDS, rendererMatches, type GlBackend } from '../../src/render/browser-flags.ts';
import { findBrowser } from '../../src/render/find-browser.ts';
import { planFrames } from '../../src/render/render-trace.ts';
import type { CameraPose } from '../../src/scene/contract.ts';
import { decodeFrame, PING_PONG_TRACE, ROOT, runCli } from '../e2e/helpers.ts';

declare global {
  interface Window {
    gotracePreview?: PreviewApi;
  }
}

const WIDTH = 320;
const HEIGHT = 180;
const dir = mkdtempSync(join(tmpdir(), 'gotrace-preview-'));

let child: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
let backend: GlBackend;

beforeAll(async () => {
  child = spawn(process.execPath, [join(ROOT, 'bin', 'gotrace-render'), 'preview', PING_PONG_TRACE, '--size', `${WIDTH}x${HEIGHT}`, '--camera', 'static'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(printed);
      if (match !== null) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`preview exited with ${code} before printing its address`)));
  });

  // The first software GL backend that draws; the render below uses the same one so pixels compare.
  for (const candidate of GL_BACKENDS) {
    browser = await puppeteer.launch({
      executablePath: findBrowser().executablePath,
      headless: true,
      pipe: true,
      args: browserFlags({ backend: candidate, disableSandbox: process.getuid?.() === 0 }),
      defaultViewport: { width: 900, height: 700, deviceScaleFactor: 1 },
    });
    page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.gotracePreview?.ready === true || document.body.textContent?.startsWith('preview failed'));
    const renderer = await page.evaluate(() => {
      const gl = document.querySelector('canvas')?.getContext('webgl2');
      return gl === null || gl === undefined ? '' : String(gl.getParameter(gl.RENDERER));
    });
    backend = candidate;
    if (rendererMatches(candidate, renderer) || candidate === GL_BACKENDS[GL_BACKENDS.length - 1]) break;
    await browser.close();
  }
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  child?.kill('SIGTERM');
});

/** Moves the scrubber like a user would. */
async function scrubTo(step: number): Promise<void> {
  await page.$eval(
    '#time',
    (input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    step,
  );
}

/** Drags across the picture with the left button, optionally holding shift (pan). */
async function drag(dx: number, dy: number): Promise<void> {
  const box = await (await page.$('#stage canvas'))!.boundingBox();
  const x = box!.x + box!.width / 2;
  const y = box!.y + box!.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}

/** The current view and its pixels, then a click on "add keyframe". */
async function addKeyframe(): Promise<{ pose: CameraPose; rgba: number[] }> {
  const view = await page.evaluate(() => ({ pose: window.gotracePreview!.pose(), rgba: window.gotracePreview!.snapshot() }));
  await page.click('#add-keyframe');
  return view;
}

/** Share of pixels whose colour differs by more than `tolerance` in a channel; preview pixels are RGBA bottom row first, the PNG RGB top first. */
function differingShare(previewRgba: number[], pngRgb: Buffer, tolerance: number): number {
  let differing = 0;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const p = ((HEIGHT - 1 - y) * WIDTH + x) * 4;
      const q = (y * WIDTH + x) * 3;
      const distance = Math.max(...[0, 1, 2].map((c) => Math.abs((previewRgba[p + c] ?? 0) - (pngRgb[q + c] ?? 0))));
      if (distance > tolerance) differing++;
    }
  }
  return differing / (WIDTH * HEIGHT);
}

function expectPoseClose(got: CameraPose, want: CameraPose, what: string): void {
  for (const key of ['position', 'target'] as const) {
    got[key].forEach((value, axis) => expect(value, `${what} ${key}[${axis}]: got ${got[key]}, want ${want[key]}`).toBeCloseTo(want[key][axis] ?? NaN, 2));
  }
  expect(got.fovDeg).toBeCloseTo(want.fovDeg, 2);
}

describe('preview', () => {
  it('serves its page, script and scene on 127.0.0.1 and nothing else', async () => {
    const status = (path: string, host?: string) =>
      new Promise<number>((resolve, reject) => {
        const target = new URL(path, url);
        get({ hostname: '127.0.0.1', port: target.port, path: target.pathname, headers: host === undefined ? {} : { host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on('error', reject);
      });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await status('/')).toBe(200);
    expect(await status('/scene.json')).toBe(200);
    expect(await status('/../../etc/passwd')).toBe(404);
    expect(await status('/scene.js')).toBe(404);
    expect(await status('/', 'attacker.example')).toBe(403);
  });

  it('exports a camera path whose render starts and ends on the views picked in the preview', async () => {
    // First moment: turn the view, keep it.
    await scrubTo(0);
    await drag(90, 25);
    const first = await addKeyframe();
    // Last moment: turn the other way and come closer.
    await scrubTo(10_000);
    await drag(-140, -30);
    await page.mouse.wheel({ deltaY: -150 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const last = await addKeyframe();
    expect(first.pose.position).not.toEqual(last.pose.position);

    // Download the file the way a user would.
    const session = await page.createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await page.click('#download');
    const file = join(dir, 'camera-path.json');
    for (let tries = 0; tries < 100 && !existsSync(file); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(await page.evaluate(() => window.gotracePreview!.pathText()));
    expect(await page.$eval('#path-text', (area) => (area as HTMLTextAreaElement).value)).toBe(text);

    // The renderer accepts it; its first and last frames use the preview's poses.
    const model = await loadTrace(PING_PONG_TRACE);
    const path = parsePathFile(text, file, model.durationNs);
    expect(path.keyframes.map((keyframe) => keyframe.atNs)).toEqual([0, model.durationNs]);
    const scene = buildScene(model, { width: WIDTH, height: HEIGHT, theme: DARK_THEME, showRuntime: false, antialias: true });
    const frames = planFrames({ fps: 3, durationSeconds: 1, camera: { path } }, scene, false);
    expectPoseClose(frames[0]!.camera, first.pose, 'first frame');
    expectPoseClose(frames[frames.length - 1]!.camera, last.pose, 'last frame');

    // And they look the same.
    const run = runCli(['render', PING_PONG_TRACE, '--camera', file, '-o', join(dir, 'f-%d.png'), '--size', `${WIDTH}x${HEIGHT}`, '--duration', '1', '--fps', '3', '--gl', backend, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(differingShare(first.rgba, decodeFrame(join(dir, 'f-0.png'), 0), 40)).toBeLessThan(0.005);
    expect(differingShare(last.rgba, decodeFrame(join(dir, 'f-2.png'), 0), 40)).toBeLessThan(0.005);
    // A different view would not pass that check.
    expect(differingShare(first.rgba, decodeFrame(join(dir, 'f-2.png'), 0), 40)).toBeGreaterThan(0.01);

    await page.screenshot({ path: join(dir, 'preview-page.png') });
  });
});
