import { chmodSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { findFfmpeg } from '../../src/encode/find-ffmpeg.ts';
import { findBrowser } from '../../src/render/find-browser.ts';

/** Makes an executable file at `path` (parents included). */
function fakeExecutable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

const root = mkdtempSync(join(tmpdir(), 'gotrace-find-'));
const emptyPath = join(root, 'empty-bin');
mkdirSync(emptyPath);

describe('findBrowser', () => {
  it('prefers the explicit path, then CHROME_PATH, then the PATH', () => {
    const explicit = fakeExecutable(join(root, 'a', 'my-chrome'));
    const fromEnv = fakeExecutable(join(root, 'b', 'env-chrome'));
    const onPath = fakeExecutable(join(root, 'c', 'chromium'));
    const env = { CHROME_PATH: fromEnv, PATH: join(root, 'c'), PUPPETEER_CACHE_DIR: join(root, 'none') };

    expect(findBrowser(explicit, env)).toEqual({ executablePath: explicit, source: 'option' });
    expect(findBrowser(undefined, env)).toEqual({ executablePath: fromEnv, source: 'environment' });
    expect(findBrowser(undefined, { ...env, CHROME_PATH: '' })).toEqual({ executablePath: onPath, source: 'system' });
  });

  it("falls back to puppeteer's cache", () => {
    const cache = join(root, 'cache');
    const exe = fakeExecutable(join(cache, 'chrome-headless-shell', 'linux-140.0.1', 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
    expect(findBrowser(undefined, { PATH: emptyPath, PUPPETEER_CACHE_DIR: cache })).toEqual({
      executablePath: exe,
      source: 'puppeteer-cache',
    });
  });

  it('says what to install when nothing is found', () => {
    expect(() => findBrowser(undefined, { PATH: emptyPath, PUPPETEER_CACHE_DIR: join(root, 'none') })).toThrowError(
      /no Chromium or Chrome found: install one \(Debian\/Ubuntu: apt-get install chromium/,
    );
  });

  it('rejects an explicit path that is not an executable', () => {
    expect(() => findBrowser(join(root, 'nope'), {})).toThrowError(/--browser .*nope: no executable file there/);
  });
});

describe('findFfmpeg', () => {
  it('prefers the explicit path, then FFMPEG_PATH, then the PATH', () => {
    const explicit = fakeExecutable(join(root, 'f1', 'ffmpeg-x'));
    const fromEnv = fakeExecutable(join(root, 'f2', 'ffmpeg-env'));
    const onPath = fakeExecutable(join(root, 'f3', 'ffmpeg'));

    expect(findFfmpeg(explicit, {}).source).toBe('option');
    expect(findFfmpeg(undefined, { FFMPEG_PATH: fromEnv }).executablePath).toBe(fromEnv);
    expect(findFfmpeg(undefined, { PATH: join(root, 'f3') })).toEqual({ executablePath: onPath, source: 'system' });
  });

  it('says what to install when nothing is found', () => {
    expect(() => findFfmpeg(undefined, { PATH: emptyPath })).toThrowError(/no ffmpeg found: install it \(Debian\/Ubuntu: apt-get install ffmpeg/);
  });
});
