/**
 * Rendering one gallery scene: its poster PNG, GIF and MP4, a copy of its Go
 * source, and a `render.json` record written last, so a scene folder with a
 * record is complete. A record whose hash still matches means the scene can
 * be skipped.
 */

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { FileError, GotraceError, TraceFormatError } from '../errors.ts';
import type { TraceModel } from '../model.ts';
import type { GlChoice } from '../render/browser-session.ts';
import { snapGifFps } from '../render/frame-clock.ts';
import { renderTrace, type RenderOptions } from '../render/render-trace.ts';
import { parseTimeSpec, resolveTimeSpec } from '../render/time-spec.ts';
import { getTheme } from '../layout/themes.ts';
import { readTrace } from '../trace/read-trace.ts';
import type { SceneEntry } from './find-scenes.ts';
import { sceneRenderSettings, type SceneConfig } from './scene-config.ts';
import { sceneHash } from './scene-hash.ts';

/** File name of the per-scene record in the output folder. */
export const RECORD_FILE = 'render.json';

/** Settings the whole gallery run shares; the size and time overrides are for quick looks and tests. */
export interface GalleryRenderSettings {
  /** Multiplies every size (rounded to even pixels); 1 keeps the scene's sizes. */
  scale: number;
  /** Replaces every scene's frame rate (GIFs snap to a rate GIF players show). */
  fps?: number;
  /** Replaces every scene's clip length. */
  durationSeconds?: number;
  antialias: boolean;
  gl: GlChoice;
  browserPath?: string;
  ffmpegPath?: string;
}

/** What `render.json` holds; paths are relative to the scene's output folder. */
export interface SceneRecord {
  hash: string;
  name: string;
  title: string;
  description?: string;
  order: number;
  poster: string;
  gif: string;
  mp4: string;
  sources: string[];
  trace: { file: string; bytes: number; goVersion: string | null; goroutines: number; messages: number; durationNs: number };
  video: { width: number; height: number; fps: number; durationSeconds: number };
}

/** How one scene went. */
export interface SceneOutcome {
  record: SceneRecord;
  /** False when the outputs were already up to date. */
  rendered: boolean;
}

/** Renders `scene` into `outputDir/<name>/`, unless its record there has the same hash (and `force` is off). */
export async function renderScene(scene: SceneEntry, outputDir: string, settings: GalleryRenderSettings, force: boolean): Promise<SceneOutcome> {
  if (scene.problem !== undefined) throw scene.problem;
  const config = effectiveConfig(scene.config as SceneConfig, settings);
  const sceneOut = join(outputDir, scene.name);
  const hash = sceneHash({
    filePaths: [scene.tracePath, ...scene.sourcePaths],
    settings: { config, antialias: settings.antialias, gl: settings.gl },
  });

  // 1. Up to date already?
  const previous = await readRecord(join(sceneOut, RECORD_FILE));
  const complete = previous !== undefined && [previous.poster, previous.gif, previous.mp4].every((file) => existsSync(join(sceneOut, file)));
  if (!force && complete && previous.hash === hash) return { record: previous, rendered: false };

  // 2. Render the three outputs.
  const bytes = await readFile(scene.tracePath).catch((error: unknown) => {
    throw new FileError(`${scene.tracePath}: cannot read the trace (${(error as NodeJS.ErrnoException).code ?? String(error)}); record it with scripts/record-gallery.sh`, {
      cause: error,
      badInput: true,
    });
  });
  const model = parseTrace(bytes, scene.tracePath);
  await mkdir(sceneOut, { recursive: true });
  const names = { poster: `${scene.name}.png`, gif: `${scene.name}.gif`, mp4: `${scene.name}.mp4` };
  const base = baseOptions(model, config, settings);
  const atNs = resolveTimeSpec(parseTimeSpec(config.posterAt, 'posterAt'), model.durationNs, config.posterAt, 'posterAt');
  await renderTrace({ ...base, ...config.video, outputPath: join(sceneOut, names.poster), atNs });
  await renderTrace({ ...base, ...config.gif, outputPath: join(sceneOut, names.gif) });
  await renderTrace({ ...base, ...config.video, outputPath: join(sceneOut, names.mp4) });

  // 3. Sources beside the clips, then the record, written atomically.
  for (const source of scene.sourcePaths) await copyFile(source, join(sceneOut, basename(source)));
  const record: SceneRecord = {
    hash,
    name: scene.name,
    title: config.title,
    ...(config.description === undefined ? {} : { description: config.description }),
    order: config.order,
    ...names,
    sources: scene.sourcePaths.map((source) => basename(source)),
    trace: {
      file: basename(scene.tracePath),
      bytes: bytes.length,
      goVersion: model.goVersion,
      goroutines: model.goroutines.filter((goroutine) => !goroutine.runtime).length,
      messages: model.messages.length,
      durationNs: model.durationNs,
    },
    video: { ...config.video, durationSeconds: config.durationSeconds },
  };
  const recordPath = join(sceneOut, RECORD_FILE);
  await writeFile(`${recordPath}.partial`, `${JSON.stringify(record, null, 2)}\n`);
  await rename(`${recordPath}.partial`, recordPath);
  return { record, rendered: true };
}

/** Reads a scene's record; `undefined` when there is none or it is unreadable. */
export async function readRecord(path: string): Promise<SceneRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as SceneRecord;
    return typeof record.hash === 'string' && typeof record.mp4 === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The scene's settings after the run's overrides. */
function effectiveConfig(config: SceneConfig, settings: GalleryRenderSettings): SceneConfig {
  const scaled = (side: number): number => Math.max(16, 2 * Math.round((side * settings.scale) / 2));
  const fps = settings.fps;
  return {
    ...config,
    durationSeconds: settings.durationSeconds ?? config.durationSeconds,
    video: { width: scaled(config.video.width), height: scaled(config.video.height), fps: fps ?? config.video.fps },
    gif: { width: scaled(config.gif.width), height: scaled(config.gif.height), fps: snapGifFps(fps ?? config.gif.fps) },
  };
}

function baseOptions(model: TraceModel, config: SceneConfig, settings: GalleryRenderSettings): Omit<RenderOptions, 'outputPath' | 'width' | 'height' | 'fps'> {
  return {
    model,
    durationSeconds: config.durationSeconds,
    camera: config.camera,
    theme: getTheme(config.theme) ?? (getTheme('dark') as NonNullable<ReturnType<typeof getTheme>>),
    showRuntime: config.showRuntime,
    scene: sceneRenderSettings(config),
    antialias: settings.antialias,
    gl: settings.gl,
    ...(settings.browserPath === undefined ? {} : { browserPath: settings.browserPath }),
    ...(settings.ffmpegPath === undefined ? {} : { ffmpegPath: settings.ffmpegPath }),
  };
}

function parseTrace(bytes: Uint8Array, path: string): TraceModel {
  try {
    return readTrace(bytes);
  } catch (error) {
    if (error instanceof TraceFormatError) throw new TraceFormatError(`${path}: ${error.message}`, { cause: error, code: error.code });
    if (error instanceof GotraceError) throw error;
    throw new TraceFormatError(`${path}: could not read this trace (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}
