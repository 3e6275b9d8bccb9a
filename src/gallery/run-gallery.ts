/**
 * The `gallery` job: render every scene of a scenes folder (or one shard of
 * them) into an output folder, skipping unchanged scenes, going on past
 * failures, and writing `index.html` over everything rendered there.
 */

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { FileError, GotraceError } from '../errors.ts';
import { findScenes, type SceneEntry } from './find-scenes.ts';
import { galleryPage, type PageScene } from './gallery-page.ts';
import { readRecord, RECORD_FILE, renderScene, type GalleryRenderSettings } from './render-scene.ts';
import { selectShard, type Shard } from './shard.ts';

/** Name of the gallery page in the output folder. */
export const INDEX_FILE = 'index.html';

/** What to render and how. */
export interface GalleryOptions {
  scenesDir: string;
  outputDir: string;
  /** Only this part of the scenes; all by default. */
  shard?: Shard;
  /** Render even when a scene's outputs are up to date. */
  force?: boolean;
  /** Title of the page. */
  title?: string;
  render: GalleryRenderSettings;
  /** Called before each scene and after it. */
  onSceneStart?: (name: string, position: number, count: number) => void;
  onSceneDone?: (report: SceneReport) => void;
}

/** How one scene went; `status` is `rendered`, `cached` (skipped, up to date) or `failed`. */
export interface SceneReport {
  name: string;
  title?: string;
  status: 'rendered' | 'cached' | 'failed';
  /** Output files, relative to the output folder. */
  outputs: string[];
  seconds: number;
  error?: { code: string; message: string };
}

/** The whole run, as `--json` prints it. */
export interface GalleryReport {
  outputDir: string;
  index: string;
  shard: string;
  scenes: SceneReport[];
  rendered: number;
  cached: number;
  failed: number;
  seconds: number;
}

/** Runs the gallery; never throws for a failing scene (see the report), only for a missing scenes folder or an unwritable output. */
export async function runGallery(options: GalleryOptions): Promise<GalleryReport> {
  const startedMs = performance.now();
  const outputDir = resolve(options.outputDir);
  const all = await findScenes(options.scenesDir);
  const chosen = options.shard === undefined ? all : selectShard(all, options.shard);
  await mkdir(outputDir, { recursive: true }).catch((error: unknown) => {
    throw new FileError(`cannot write ${options.outputDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error, badInput: true });
  });

  // 1. Each scene in turn; a failure is recorded and the next one starts.
  const reports: SceneReport[] = [];
  for (const [position, scene] of chosen.entries()) {
    options.onSceneStart?.(scene.name, position + 1, chosen.length);
    const report = await renderOne(scene, outputDir, options);
    reports.push(report);
    options.onSceneDone?.(report);
  }

  // 2. The page covers every scene rendered into this folder, also by other shards.
  const index = join(outputDir, INDEX_FILE);
  await writePage(all, outputDir, index, options.title ?? 'Go concurrency, rendered from real traces');

  const count = (status: SceneReport['status']): number => reports.filter((report) => report.status === status).length;
  return {
    outputDir,
    index,
    shard: options.shard === undefined ? 'all' : `${options.shard.index}/${options.shard.count}`,
    scenes: reports,
    rendered: count('rendered'),
    cached: count('cached'),
    failed: count('failed'),
    seconds: round((performance.now() - startedMs) / 1000),
  };
}

async function renderOne(scene: SceneEntry, outputDir: string, options: GalleryOptions): Promise<SceneReport> {
  const startedMs = performance.now();
  try {
    const { record, rendered } = await renderScene(scene, outputDir, options.render, options.force ?? false);
    return {
      name: scene.name,
      title: record.title,
      status: rendered ? 'rendered' : 'cached',
      outputs: [record.poster, record.gif, record.mp4].map((file) => `${scene.name}/${file}`),
      seconds: round((performance.now() - startedMs) / 1000),
    };
  } catch (error) {
    const code = error instanceof GotraceError ? error.code : 'INTERNAL';
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return {
      name: scene.name,
      ...(scene.config === undefined ? {} : { title: scene.config.title }),
      status: 'failed',
      outputs: [],
      seconds: round((performance.now() - startedMs) / 1000),
      error: { code, message },
    };
  }
}

async function writePage(scenes: readonly SceneEntry[], outputDir: string, indexPath: string, title: string): Promise<void> {
  const pageScenes: PageScene[] = [];
  for (const scene of scenes) {
    const record = await readRecord(join(outputDir, scene.name, RECORD_FILE));
    if (record === undefined) continue;
    const sources = await Promise.all(
      record.sources.map(async (name) => ({ name, text: await readFile(join(outputDir, scene.name, name), 'utf8').catch(() => '') })),
    );
    pageScenes.push({ record, sources });
  }
  await writeFile(`${indexPath}.partial`, galleryPage(pageScenes, title));
  await rename(`${indexPath}.partial`, indexPath);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
