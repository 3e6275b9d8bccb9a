/**
 * The gallery end to end on two tiny scenes and a broken one: real renders
 * in a real Chromium, the cache on a second run, shards, the failure
 * summary, and the index page opened in the browser with every clip loaded.
 */

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';

import { runGallery, type GalleryReport } from '../../src/gallery/run-gallery.ts';
import { browserFlags } from '../../src/render/browser-flags.ts';
import { findBrowser } from '../../src/render/find-browser.ts';
import { PING_PONG_TRACE, ROOT } from '../e2e/helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'gotrace-gallery-'));
const scenesDir = join(root, 'scenes');
const outputDir = join(root, 'out');
const TINY = { size: '96x54', gifSize: '96x54', fps: 5, gifFps: 5, durationSeconds: 0.6, camera: 'static' };

/** A scene folder with a trace, a Go file and settings. */
function addScene(name: string, trace: string, settings: Record<string, unknown>): void {
  const dir = join(scenesDir, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(trace, join(dir, 'trace.out'));
  writeFileSync(join(dir, 'main.go'), `package main\n\n// ${name} <demo>\nfunc main() {}\n`);
  writeFileSync(join(dir, 'scene.json'), JSON.stringify(settings));
}

addScene('alpha', PING_PONG_TRACE, { title: 'Alpha & co', order: 1, ...TINY });
addScene('beta', join(ROOT, 'scenes', 'hello', 'trace.out'), { title: 'Beta', order: 2, ...TINY });
addScene('gamma', PING_PONG_TRACE, { title: 'Gamma', order: 3, ...TINY });
writeFileSync(join(scenesDir, 'gamma', 'trace.out'), 'not a trace at all');

const render = { scale: 1, antialias: false, gl: 'auto' as const };

function statuses(report: GalleryReport): Record<string, string> {
  return Object.fromEntries(report.scenes.map((scene) => [scene.name, scene.status]));
}

describe('runGallery', () => {
  let first: GalleryReport;

  it('renders each scene, goes on past a broken one and reports it', async () => {
    first = await runGallery({ scenesDir, outputDir, render });
    expect(statuses(first)).toEqual({ alpha: 'rendered', beta: 'rendered', gamma: 'failed' });
    expect(first).toMatchObject({ rendered: 2, cached: 0, failed: 1, shard: 'all' });
    expect(first.scenes[2]?.error).toMatchObject({ code: 'TRACE_INVALID' });
    expect(first.scenes[2]?.error?.message).toMatch(/gamma[\\/]trace\.out: not a Go execution trace/);
    expect(first.scenes[0]?.outputs).toEqual(['alpha/alpha.png', 'alpha/alpha.gif', 'alpha/alpha.mp4']);
  }, 120_000);

  it('skips unchanged scenes on the next run and re-renders a changed one', async () => {
    const settingsPath = join(scenesDir, 'beta', 'scene.json');
    const again = await runGallery({ scenesDir, outputDir, render });
    expect(statuses(again)).toEqual({ alpha: 'cached', beta: 'cached', gamma: 'failed' });

    writeFileSync(settingsPath, JSON.stringify({ title: 'Beta, retitled', order: 2, ...TINY }));
    const changed = await runGallery({ scenesDir, outputDir, render, shard: { index: 2, count: 3 } });
    expect(changed.shard).toBe('2/3');
    expect(statuses(changed)).toEqual({ beta: 'rendered' });
  }, 120_000);

  it('writes an index page whose posters, clips and links all load in Chromium', async () => {
    const html = readFileSync(join(outputDir, 'index.html'), 'utf8');
    expect(html).toContain('<h2><a href="#alpha">Alpha &#38; co</a></h2>');
    expect(html).toContain('// alpha &#60;demo&#62;');
    expect(html).toContain('Beta, retitled');
    expect(html).not.toContain('Gamma');

    const browser = await puppeteer.launch({
      executablePath: findBrowser().executablePath,
      headless: true,
      pipe: true,
      args: browserFlags({ backend: 'swiftshader', disableSandbox: process.getuid?.() === 0 }),
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(outputDir, 'index.html')).href, { waitUntil: 'load' });
      const loaded = await page.evaluate(async () => {
        const videos = Array.from(document.querySelectorAll('video'));
        const clips = await Promise.all(
          videos.map(
            (video) =>
              new Promise<string>((resolve) => {
                video.addEventListener('loadeddata', () => resolve(`${video.videoWidth}x${video.videoHeight}`), { once: true });
                video.addEventListener('error', () => resolve(`error ${video.error?.code ?? ''}`), { once: true });
                video.preload = 'auto';
                video.load();
              }),
          ),
        );
        const images = [...videos.map((video) => video.poster), ...Array.from(document.querySelectorAll('a')).map((a) => a.href).filter((href) => /\.(png|gif)$/.test(href))];
        const pictures = await Promise.all(
          images.map(
            (src) =>
              new Promise<string>((resolve) => {
                const image = new Image();
                image.onload = () => resolve(`${image.naturalWidth}x${image.naturalHeight}`);
                image.onerror = () => resolve(`error ${src}`);
                image.src = src;
              }),
          ),
        );
        return { clips, pictures };
      });
      expect(loaded.clips).toEqual(['96x54', '96x54']);
      expect(loaded.pictures).toEqual(Array(6).fill('96x54'));
    } finally {
      await browser.close();
    }
  }, 60_000);
});
