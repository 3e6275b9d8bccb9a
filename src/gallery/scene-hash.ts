/**
 * The cache key of a scene's outputs: a hash over everything that can change
 * them. Same key, same pictures, so the render can be skipped.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { findSceneBundle } from '../render/scene-bundle.ts';

/** Bump when the gallery writes its outputs differently, to invalidate every cache. */
const CACHE_FORMAT = 1;

/** What goes into a scene's key besides the files. */
export interface SceneHashInput {
  /** The trace and the Go sources. */
  filePaths: readonly string[];
  /** The validated settings and any command-line overrides, as plain JSON. */
  settings: unknown;
}

/**
 * Hashes the scene's files, its settings and the renderer itself (the built
 * bundles, so a new release re-renders). Returns a hex SHA-256.
 */
export function sceneHash(input: SceneHashInput): string {
  const hash = createHash('sha256');
  hash.update(`gallery-cache ${CACHE_FORMAT}\n`);
  hash.update(`${JSON.stringify(input.settings)}\n`);
  for (const path of input.filePaths) hashFile(hash, path, path.split(/[\\/]/).pop() ?? path);
  for (const path of rendererFiles()) hashFile(hash, path, `renderer:${path.split(/[\\/]/).pop() ?? ''}`);
  return hash.digest('hex');
}

/** The built scene page and command-line bundle, where they exist. */
function rendererFiles(): string[] {
  const bundle = findSceneBundle();
  return [bundle, join(dirname(bundle), 'cli.js')].filter((path) => existsSync(path));
}

function hashFile(hash: ReturnType<typeof createHash>, path: string, label: string): void {
  const bytes = readFileSync(path);
  hash.update(`${label} ${bytes.length}\n`);
  hash.update(bytes);
}
