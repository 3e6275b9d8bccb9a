/**
 * The naive way to film a WebGL page: draw a frame, take a PNG screenshot
 * with puppeteer, pipe it to ffmpeg, repeat. Same page, flags and encoder
 * settings as our pipeline, so only the capture differs.
 */

import { spawn } from 'node:child_process';

import puppeteer from 'puppeteer-core';

import { MP4_CRF, MP4_PRESET } from '../../src/encode/ffmpeg-args.ts';
import { browserFlags, type GlBackend } from '../../src/render/browser-flags.ts';
import { startPageServer } from '../../src/render/page-server.ts';
import type { FrameState, SceneData, ScenePageApi } from '../../src/scene/contract.ts';

/** What to film. */
export interface ComparisonRender {
  browserPath: string;
  ffmpegPath: string;
  scene: SceneData;
  frames: readonly FrameState[];
  fps: number;
  outputPath: string;
  backend?: GlBackend;
}

/** Renders by screenshots; resolves when the MP4 is written. */
export async function naiveScreenshotRender(options: ComparisonRender): Promise<void> {
  const { browserPath, ffmpegPath, scene, frames, fps, outputPath, backend = 'llvmpipe' } = options;
  const server = await startPageServer();
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    headless: true,
    args: browserFlags({ backend, disableSandbox: process.getuid?.() === 0 }),
    defaultViewport: { width: scene.width, height: scene.height, deviceScaleFactor: 1 },
  });
  const ffmpeg = spawn(
    ffmpegPath,
    ['-v', 'error', '-f', 'image2pipe', '-c:v', 'png', '-framerate', String(fps), '-i', 'pipe:0',
      '-c:v', 'libx264', '-preset', MP4_PRESET, '-crf', String(MP4_CRF), '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-y', outputPath],
    { stdio: ['pipe', 'ignore', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => ffmpeg.on('close', resolve));

  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.evaluate((data) => (window as unknown as { gotraceScene: ScenePageApi }).gotraceScene.load(data), scene);
    for (const frame of frames) {
      await page.evaluate((state) => (window as unknown as { gotraceScene: ScenePageApi }).gotraceScene.renderFrame(state), frame);
      const png = await page.screenshot({ type: 'png' });
      if (!ffmpeg.stdin.write(png)) await new Promise((resolve) => ffmpeg.stdin.once('drain', resolve));
    }
  } finally {
    ffmpeg.stdin.end();
    await browser.close();
    await server.close();
  }
  const code = await exited;
  if (code !== 0) throw new Error(`ffmpeg exited with ${code}`);
}
