/**
 * One headless browser with the scene page open, shared by a test file:
 * load a scene, draw a frame, get its pixels back top row first.
 */

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { browserFlags, GL_BACKENDS, rendererMatches } from '../../src/render/browser-flags.ts';
import { findBrowser } from '../../src/render/find-browser.ts';
import { startPageServer, type PageServer } from '../../src/render/page-server.ts';
import type { FrameState, SceneData, ScenePageApi } from '../../src/scene/contract.ts';

declare global {
  interface Window {
    gotraceScene?: ScenePageApi;
  }
}

/** A drawn frame: RGBA bytes, top row first. */
export interface Frame {
  width: number;
  height: number;
  rgba: Uint8Array;
  /** The pixel at (x, y) from the top left, as [r, g, b, a]. */
  at(x: number, y: number): [number, number, number, number];
}

/** A browser with the scene page, ready to draw scenes one after another. */
export class PageHarness {
  readonly #browser: Browser;
  readonly #page: Page;
  readonly #server: PageServer;

  private constructor(browser: Browser, page: Page, server: PageServer) {
    this.#browser = browser;
    this.#page = page;
    this.#server = server;
  }

  /** Starts the page server and a browser on the first software GL backend that draws. */
  static async open(): Promise<PageHarness> {
    const server = await startPageServer();
    const executablePath = findBrowser().executablePath;
    for (const backend of GL_BACKENDS) {
      const browser = await puppeteer.launch({
        executablePath,
        headless: true,
        pipe: true,
        args: browserFlags({ backend, disableSandbox: process.getuid?.() === 0 }),
      });
      const page = await browser.newPage();
      await page.goto(server.url, { waitUntil: 'load' });
      const renderer = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        const gl = canvas.getContext('webgl2');
        return gl === null ? '' : String(gl.getParameter(gl.RENDERER));
      });
      if (rendererMatches(backend, renderer) || backend === GL_BACKENDS[GL_BACKENDS.length - 1]) {
        return new PageHarness(browser, page, server);
      }
      await browser.close();
    }
    throw new Error('no GL backend');
  }

  /** Loads `scene` (replacing the last one), draws `frame` and reads it back. */
  async draw(scene: SceneData, frame: FrameState): Promise<Frame> {
    return toFrame(await this.drawBytes(scene, frame), scene.width, scene.height);
  }

  /**
   * Like {@link draw}, but returns the bytes exactly as the page's
   * `readPixels` gives them; with several frames, each is drawn and read in
   * turn, as a render does, and the last one's bytes are returned.
   */
  async drawBytes(scene: SceneData, frames: FrameState | FrameState[]): Promise<Uint8Array> {
    await this.#page.setViewport({ width: scene.width, height: scene.height, deviceScaleFactor: 1 });
    const bytes = await this.#page.evaluate(
      async (data, states) => {
        const api = window.gotraceScene as ScenePageApi;
        await api.load(data);
        let pixels: Uint8Array = new Uint8Array();
        for (const state of states) {
          api.renderFrame(state);
          pixels = api.readPixels();
        }
        return Array.from(pixels);
      },
      scene,
      Array.isArray(frames) ? frames : [frames],
    );
    return Uint8Array.from(bytes);
  }

  async close(): Promise<void> {
    await this.#browser.close().catch(() => {});
    await this.#server.close();
  }
}

/** WebGL reads rows bottom first; flip them. */
function toFrame(bottomFirst: Uint8Array, width: number, height: number): Frame {
  const rgba = new Uint8Array(bottomFirst.length);
  const row = width * 4;
  for (let y = 0; y < height; y++) {
    rgba.set(bottomFirst.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  }
  return {
    width,
    height,
    rgba,
    at(x: number, y: number) {
      const offset = (Math.round(y) * width + Math.round(x)) * 4;
      return [rgba[offset] ?? 0, rgba[offset + 1] ?? 0, rgba[offset + 2] ?? 0, rgba[offset + 3] ?? 0];
    },
  };
}

/** `#rrggbb` → [r, g, b]. */
export function rgbOf(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Largest difference of one channel. */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...b.map((channel, index) => Math.abs((a[index] ?? 0) - channel)));
}

/** How many pixels in the box [x0, x1) × [y0, y1) are within `tolerance` of `colour`. */
export function countNear(frame: Frame, box: [number, number, number, number], colour: readonly number[], tolerance: number): number {
  let count = 0;
  for (let y = box[1]; y < box[3]; y++) {
    for (let x = box[0]; x < box[2]; x++) {
      if (colourDistance(frame.at(x, y), colour) <= tolerance) count++;
    }
  }
  return count;
}
