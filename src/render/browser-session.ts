/**
 * One headless browser with the scene loaded: launched with the fastest
 * software GL backend that works, and closed on every exit path.
 */

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { RenderError, ToolError } from '../errors.ts';
import type { FrameState, ScenePageApi, SceneData } from '../scene/contract.ts';
import { browserFlags, GL_BACKENDS, rendererMatches, type GlBackend } from './browser-flags.ts';
import type { PageServer } from './page-server.ts';

/** `auto` tries each backend, fastest first. */
export type GlChoice = GlBackend | 'auto';

/** How to start the browser. */
export interface SessionOptions {
  executablePath: string;
  gl: GlChoice;
  server: PageServer;
  scene: SceneData;
  timeoutMs?: number;
}

/** Call `gc()` in the page this often, so posted frame blobs are freed. */
const GC_EVERY_FRAMES = 8;
const DEFAULT_TIMEOUT_MS = 60_000;
/** Frames uploading while the page draws the next one: drawing, upload and encoding overlap. */
const UPLOADS_IN_FLIGHT = 3;

declare global {
  interface Window {
    gotraceScene?: ScenePageApi;
    gc?: () => void;
    gotracePendingUploads?: Promise<void>[];
  }
}

/** A browser with the scene ready to draw. */
export class BrowserSession {
  readonly backend: GlBackend;
  readonly renderer: string;
  readonly #browser: Browser;
  readonly #page: Page;

  private constructor(browser: Browser, page: Page, backend: GlBackend, renderer: string) {
    this.#browser = browser;
    this.#page = page;
    this.backend = backend;
    this.renderer = renderer;
  }

  /** Launches the browser and loads the scene; with `gl: 'auto'` falls back from llvmpipe to SwiftShader. */
  static async open(options: SessionOptions): Promise<BrowserSession> {
    const backends = options.gl === 'auto' ? GL_BACKENDS : [options.gl];
    const failures: string[] = [];
    for (const backend of backends) {
      try {
        return await BrowserSession.#openWith(options, backend);
      } catch (error) {
        if (error instanceof ToolError && error.code === 'BROWSER_LAUNCH') throw error;
        failures.push(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new RenderError(`no WebGL backend worked in ${options.executablePath} (${failures.join('; ')})`);
  }

  static async #openWith(options: SessionOptions, backend: GlBackend): Promise<BrowserSession> {
    const { executablePath, server, scene, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        pipe: true,
        // The CLI turns signals into an orderly stop that also removes partial output; puppeteer's own handlers would exit first.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: timeoutMs,
        protocolTimeout: timeoutMs,
        args: browserFlags({ backend, disableSandbox: process.getuid?.() === 0 }),
        defaultViewport: { width: scene.width, height: scene.height, deviceScaleFactor: 1 },
      });
    } catch (error) {
      throw new ToolError('BROWSER_LAUNCH', `could not start the browser ${executablePath}: ${firstLine(error)}`, { cause: error });
    }

    try {
      const page = await browser.newPage();
      await page.goto(server.url, { waitUntil: 'load', timeout: timeoutMs });
      const { renderer } = await page.evaluate(async (data) => {
        const api = window.gotraceScene;
        if (api === undefined) throw new Error('scene bundle did not install window.gotraceScene');
        return api.load(data);
      }, scene);
      if (!rendererMatches(backend, renderer)) {
        throw new Error(`the page drew with '${renderer}' instead`);
      }
      return new BrowserSession(browser, page, backend, renderer);
    } catch (error) {
      await browser.close().catch(() => {});
      throw error;
    }
  }

  /**
   * Draws one frame and posts its pixels to the page server, which hands
   * them to the frame handler. Up to {@link UPLOADS_IN_FLIGHT} uploads run
   * while the next frames are drawn; call {@link flush} after the last frame.
   */
  async captureFrame(frameIndex: number, frame: FrameState): Promise<void> {
    await this.#page.evaluate(
      async (index, state, gcEvery, inFlight) => {
        const api = window.gotraceScene as ScenePageApi;
        api.renderFrame(state);
        const pixels = api.readPixels();
        // A Blob body uploads several times faster than a typed array.
        const upload = fetch(`/frame/${index}`, { method: 'POST', body: new Blob([pixels as BlobPart]) }).then(async (response) => {
          if (!response.ok) throw new Error(`frame ${index} was refused: ${response.status} ${await response.text()}`);
        });
        // Failures surface when the upload is awaited below or in flush().
        upload.catch(() => {});
        const pending = (window.gotracePendingUploads ??= []);
        pending.push(upload);
        if (index % gcEvery === 0) window.gc?.();
        while (pending.length >= inFlight) await pending.shift();
      },
      frameIndex,
      frame,
      GC_EVERY_FRAMES,
      UPLOADS_IN_FLIGHT,
    );
  }

  /** Waits for every frame upload still running. */
  async flush(): Promise<void> {
    await this.#page.evaluate(async () => {
      const pending = window.gotracePendingUploads ?? [];
      while (pending.length > 0) await pending.shift();
    });
  }

  /**
   * Draws one frame and waits until the GL work is done, without reading it
   * back: the floor under {@link captureFrame}, for measurements.
   * @internal
   */
  async drawFrame(frame: FrameState, readBack: 'pixel' | 'frame' = 'pixel'): Promise<void> {
    await this.#page.evaluate(
      (state, whole) => {
        const api = window.gotraceScene as ScenePageApi;
        api.renderFrame(state);
        if (whole) {
          api.readPixels();
          return;
        }
        // Reading one pixel waits for the drawing to finish.
        const gl = document.querySelector('canvas')?.getContext('webgl2');
        gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      },
      frame,
      readBack === 'frame',
    );
  }

  /** Closes the browser; safe to call twice. */
  async close(): Promise<void> {
    await this.#browser.close().catch(() => {});
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
