/**
 * Finding a Chromium or Chrome to drive: an explicit path, an environment
 * variable, a system install, or a browser puppeteer downloaded earlier.
 */

import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { ToolError } from '../errors.ts';
import { chosenExecutable, findOnPath, isExecutableFile } from '../util/find-executable.ts';

/** Where the browser was found, for `doctor` and `--json` reports. */
export type BrowserSource = 'option' | 'environment' | 'system' | 'puppeteer-cache';

/** A browser executable and how it was found. */
export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
}

const ENV_NAMES = ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'] as const;

const SYSTEM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Executable names inside a puppeteer cache build folder, per platform layout. */
const CACHE_LAYOUTS = [
  ['chrome-headless-shell', 'chrome-headless-shell-linux64', 'chrome-headless-shell'],
  ['chrome', 'chrome-linux64', 'chrome'],
  ['chrome-headless-shell', 'chrome-headless-shell-mac-x64', 'chrome-headless-shell'],
  ['chrome-headless-shell', 'chrome-headless-shell-mac-arm64', 'chrome-headless-shell'],
  ['chrome-headless-shell', 'chrome-headless-shell-win64', 'chrome-headless-shell.exe'],
  ['chrome', 'chrome-win64', 'chrome.exe'],
] as const;

/** The line printed when nothing is found. */
export const BROWSER_INSTALL_HINT =
  'no Chromium or Chrome found: install one (Debian/Ubuntu: apt-get install chromium; ' +
  'elsewhere: npx @puppeteer/browsers install chrome-headless-shell@stable), ' +
  'or pass --browser PATH or set CHROME_PATH';

/**
 * Resolves the browser: `explicitPath` (the `--browser` option) first, then
 * `CHROME_PATH` / `PUPPETEER_EXECUTABLE_PATH`, then a system install, then
 * puppeteer's download cache. Throws a {@link ToolError} naming what to
 * install when none exists.
 */
export function findBrowser(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): FoundBrowser {
  const chosen = chosenExecutable(explicitPath, '--browser', ENV_NAMES, env, 'BROWSER_MISSING');
  if (chosen !== undefined) return chosen;

  const system = findOnPath(SYSTEM_NAMES, env['PATH']);
  if (system !== undefined) return { executablePath: system, source: 'system' };

  const cached = findInPuppeteerCache(env['PUPPETEER_CACHE_DIR'] ?? join(homedir(), '.cache', 'puppeteer'));
  if (cached !== undefined) return { executablePath: cached, source: 'puppeteer-cache' };

  throw new ToolError('BROWSER_MISSING', BROWSER_INSTALL_HINT);
}

/** Newest executable under a puppeteer cache folder (`<cache>/<product>/<platform>-<build>/<dir>/<exe>`). */
function findInPuppeteerCache(cacheDir: string): string | undefined {
  for (const [product, dir, exe] of CACHE_LAYOUTS) {
    const builds = listDir(join(cacheDir, product)).sort().reverse();
    for (const build of builds) {
      const candidate = join(cacheDir, product, build, dir, exe);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
