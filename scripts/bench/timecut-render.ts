/**
 * timecut filming the same scene: our page plays itself in real time
 * (requestAnimationFrame + performance.now) and timecut, which virtualises
 * the page's clock, screenshots each of its frames. timecut is installed on
 * demand into a cache folder, never into the project.
 */

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { browserFlags } from '../../src/render/browser-flags.ts';
import { findSceneBundle } from '../../src/render/scene-bundle.ts';
import type { ComparisonRender } from './naive-render.ts';

const TIMECUT_VERSION = '0.3.3';
const CACHE_DIR = join(homedir(), '.cache', 'gotrace-render-bench', 'timecut');

// Plays the precomputed frames by the page's own clock, as a live animation would.
const AUTOPLAY = `
(async () => {
  const [scene, frames, fps] = await Promise.all([fetch('/scene.json').then((r) => r.json()), fetch('/frames.json').then((r) => r.json()), 30]);
  await window.gotraceScene.load(scene);
  const start = performance.now();
  const tick = () => {
    const index = Math.min(frames.length - 1, Math.floor(((performance.now() - start) / 1000) * fps));
    window.gotraceScene.renderFrame(frames[index]);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Films the scene with timecut; resolves when its MP4 is written. */
export async function timecutRender(options: ComparisonRender & { durationSeconds: number }): Promise<void> {
  const timecut = ensureTimecut();
  const { scene, frames, fps, durationSeconds, browserPath, ffmpegPath, outputPath } = options;
  const html = `<!doctype html><meta charset="utf-8"><style>html,body{margin:0;overflow:hidden}</style>` +
    `<script src="/scene.js"></script><script>${AUTOPLAY.replace('30]', `${fps}]`)}</script>`;
  const files: Record<string, [string, Buffer | string]> = {
    '/': ['text/html', html],
    '/scene.js': ['text/javascript', readFileSync(findSceneBundle())],
    '/scene.json': ['application/json', JSON.stringify(scene)],
    '/frames.json': ['application/json', JSON.stringify(frames)],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? '/'];
    if (file === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  try {
    const args = [
      `http://127.0.0.1:${port}/`,
      '--viewport', `${scene.width},${scene.height}`,
      '--fps', String(fps),
      '--duration', String(durationSeconds),
      '--executable-path', browserPath,
      '--ffmpeg-path', ffmpegPath,
      '--launch-arguments', browserFlags({ backend: 'llvmpipe', disableSandbox: process.getuid?.() === 0 }).join(' '),
      '--output', outputPath,
      '--quiet',
    ];
    // Asynchronous on purpose: the page server above runs on this process's event loop.
    const child = spawn(process.execPath, [timecut, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (status !== 0 || !existsSync(outputPath)) {
      const lines = output.split('\n').filter((line) => /error/i.test(line) && !line.includes('dbus'));
      throw new Error(`timecut exited with ${status}: ${lines.slice(0, 3).join(' | ')}`);
    }
  } finally {
    server.close();
  }
}

/** Path of timecut's CLI script, installing it into the cache folder first if needed. */
function ensureTimecut(): string {
  const cli = join(CACHE_DIR, 'node_modules', 'timecut', 'cli.js');
  if (existsSync(cli)) return cli;
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(join(CACHE_DIR, 'package.json'), '{"name":"timecut-bench","private":true}\n');
  // Its puppeteer would download an old Chromium; we hand it the system one instead.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', `timecut@${TIMECUT_VERSION}`], {
    cwd: CACHE_DIR,
    stdio: 'ignore',
    env: { ...process.env, PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  return cli;
}
