/**
 * Locating the browser bundle of the scene (`dist/scene.js`), both when
 * running from the built CLI (`dist/cli.js`) and from the TypeScript sources.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ToolError } from '../errors.ts';

const CANDIDATES = ['./scene.js', '../../dist/scene.js'];

/** Absolute path of `scene.js`; throws when the project was not built. */
export function findSceneBundle(): string {
  for (const candidate of CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new ToolError('NOT_BUILT', 'the scene bundle dist/scene.js is missing: run npm run build');
}
