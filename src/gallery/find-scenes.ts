/**
 * Finding the scenes of a gallery: every folder under the scenes folder that
 * holds a `scene.json`, with its trace and its Go source.
 */

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { FileError, GotraceError } from '../errors.ts';
import { parseSceneConfig, SCENE_DEFAULTS, type SceneConfig } from './scene-config.ts';

/** Name of the settings file that makes a folder a scene. */
export const SCENE_FILE = 'scene.json';

/** Name of a scene's recorded trace. */
export const TRACE_FILE = 'trace.out';

/** One scene folder; `config` is missing when `scene.json` is broken, and `problem` says why. */
export interface SceneEntry {
  /** Folder name, e.g. `ping-pong`; also the name of its outputs. */
  name: string;
  dir: string;
  tracePath: string;
  /** The Go files of the program, sorted by name (shown beside the clip). */
  sourcePaths: string[];
  config?: SceneConfig;
  problem?: GotraceError;
}

/**
 * Lists the scenes in `scenesDir`, in gallery order (`order`, then name).
 * A broken `scene.json` does not stop the listing: the entry carries the
 * error so the gallery can report it and go on.
 */
export async function findScenes(scenesDir: string): Promise<SceneEntry[]> {
  let names: string[];
  try {
    names = (await readdir(scenesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    throw new FileError(`${scenesDir}: cannot list the scenes folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error,
      badInput: true,
    });
  }

  const scenes: SceneEntry[] = [];
  for (const name of names.sort()) {
    const dir = join(scenesDir, name);
    const settingsPath = join(dir, SCENE_FILE);
    if (!existsSync(settingsPath)) continue;
    const files = await readdir(dir);
    const entry: SceneEntry = {
      name,
      dir,
      tracePath: join(dir, TRACE_FILE),
      sourcePaths: files.filter((file) => file.endsWith('.go') && !file.endsWith('_test.go')).sort().map((file) => join(dir, file)),
    };
    try {
      entry.config = parseSceneConfig(parseJson(await readFile(settingsPath, 'utf8'), settingsPath), settingsPath);
    } catch (error) {
      if (!(error instanceof GotraceError)) throw error;
      entry.problem = error;
    }
    scenes.push(entry);
  }
  if (scenes.length === 0) {
    throw new FileError(`${scenesDir}: no scenes found (a scene is a folder holding ${SCENE_FILE} and ${TRACE_FILE})`, { badInput: true });
  }
  return scenes.sort((a, b) => orderOf(a) - orderOf(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function orderOf(scene: SceneEntry): number {
  return scene.config?.order ?? SCENE_DEFAULTS.order;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GotraceError('SCENE_INVALID', `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { exitCode: 2 });
  }
}
