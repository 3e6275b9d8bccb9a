/**
 * Memory over a long render: 3,000 frames of ping-pong, sampling this Node
 * process and the browser's whole process tree as the frames go by. Flat
 * lines mean nothing piles up per frame.
 */

import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadTrace } from '../../src/cli/load-trace.ts';
import { DARK_THEME } from '../../src/layout/themes.ts';
import { renderTrace } from '../../src/render/render-trace.ts';

const FRAMES = 3000;
const FPS = 30;
const SAMPLE_EVERY = 250;

/** Prints memory samples and the growth from the first sample to the last. */
export async function benchMemory(): Promise<void> {
  const model = await loadTrace('scenes/ping-pong/trace.out');
  const dir = mkdtempSync(join(tmpdir(), 'gotrace-bench-memory-'));
  const samples: { frame: number; nodeMb: number; browserMb: number }[] = [];

  const result = await renderTrace({
    model,
    outputPath: join(dir, 'long.mp4'),
    width: 1280,
    height: 720,
    fps: FPS,
    durationSeconds: FRAMES / FPS,
    camera: 'orbit',
    theme: DARK_THEME,
    showRuntime: false,
    antialias: true,
    gl: 'auto',
    onProgress(done) {
      if (done % SAMPLE_EVERY === 0 && samples.at(-1)?.frame !== done) {
        samples.push({ frame: done, nodeMb: process.memoryUsage().rss / 2 ** 20, browserMb: descendantsPssKb(process.pid) / 1024 });
      }
    },
  });
  rmSync(dir, { recursive: true, force: true });

  console.log(`ping-pong 1280x720, ${result.frameCount} frames to MP4 in ${(result.elapsedMs / 1000).toFixed(1)} s (${result.backend})`);
  console.log('frame   node RSS MB   browser PSS MB (all its processes)');
  for (const sample of samples) {
    console.log(`${String(sample.frame).padStart(5)}   ${sample.nodeMb.toFixed(0).padStart(11)}   ${sample.browserMb.toFixed(0).padStart(14)}`);
  }
  const first = samples[1] ?? samples[0];
  const last = samples.at(-1);
  if (first !== undefined && last !== undefined) {
    console.log(
      `growth from frame ${first.frame} to ${last.frame}: node ${(last.nodeMb - first.nodeMb).toFixed(0)} MB, ` +
        `browser ${(last.browserMb - first.browserMb).toFixed(0)} MB`,
    );
  }
}

/** Sum of proportional set sizes (KB) of every process below `rootPid` (Linux /proc). */
function descendantsPssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = readParent(Number(entry));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  let total = 0;
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += readPssKb(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readParent(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function readPssKb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}
