/**
 * Trace reading: our reader next to Go's own on the same large trace — an
 * HTTP server on 127.0.0.1 under load for a few seconds, recorded on demand
 * into a cache folder (never committed) from scripts/bench/trace-load.
 *
 * Go's reader is `internal/trace` (what `go tool trace` uses), built offline
 * from scripts/bench/trace-go-reader with `go build -overlay`, because
 * `golang.org/x/exp/trace` would need the network. Each reader runs in its
 * own process so peak memory (max RSS) is its own; the best of three runs
 * counts.
 *
 * Settings (environment): GOTRACE_BENCH_GO (toolchain that records, default
 * /opt/go1.26/bin/go), GOTRACE_BENCH_GO_READER (toolchain whose reader is
 * timed, default /opt/go1.27/bin/go), GOTRACE_BENCH_SECONDS (load time, default
 * 8), GOTRACE_BENCH_DIR (cache folder, default $TMPDIR/gotrace-render-bench).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { readTraceFile } from '../../src/trace/read-trace.ts';

/** Set in the child process: the trace it should read and report on. */
const CHILD_ENV = 'GOTRACE_BENCH_READ_FILE';
const RUNS = 3;
const CLIENTS = 64;

interface ReadResult {
  elapsedMs: number;
  maxRssBytes: number;
  /** RSS of the process before it read anything (Node's own baseline). */
  baselineRssBytes: number;
  transitions: number;
}

/** Prints MB/s and peak memory of both readers. */
export async function benchTraceRead(): Promise<void> {
  const childFile = process.env[CHILD_ENV];
  if (childFile !== undefined) {
    process.stdout.write(`${JSON.stringify(readOnce(childFile))}\n`);
    return;
  }

  const recordGo = process.env['GOTRACE_BENCH_GO'] ?? '/opt/go1.26/bin/go';
  const readerGo = process.env['GOTRACE_BENCH_GO_READER'] ?? '/opt/go1.27/bin/go';
  const seconds = Number(process.env['GOTRACE_BENCH_SECONDS'] ?? 8);
  const dir = process.env['GOTRACE_BENCH_DIR'] ?? join(tmpdir(), 'gotrace-render-bench');
  mkdirSync(dir, { recursive: true });

  const trace = join(dir, `load-${seconds}s.out`);
  if (!existsSync(trace)) {
    console.log(`recording ${trace} (${seconds} s of HTTP load on 127.0.0.1, ${CLIENTS} clients) with ${recordGo}`);
    goRun(recordGo, resolve('scripts/bench/trace-load'), ['run', '.', trace, String(seconds), String(CLIENTS)]);
  }
  const reader = buildGoReader(readerGo, dir);
  const sizeBytes = statSync(trace).size;

  const ours = best(() => runChild(trace));
  const go = best(() => JSON.parse(execFileSync(reader, [trace], { encoding: 'utf8' })) as ReadResult);
  const mb = sizeBytes / 1e6;
  const rows = [
    ['gotrace-render (Node)', ours, ours.maxRssBytes - ours.baselineRssBytes],
    ['Go internal/trace', go, go.maxRssBytes],
  ] as const;

  console.log(`trace: ${trace}, ${mb.toFixed(1)} MB, header ${readFileSync(trace).subarray(0, 16).toString('latin1').replace(/\0+$/, '')}`);
  console.log('reader                  MB/s   time ms   peak RSS MB   above baseline MB   × file size   transitions');
  for (const [name, result, aboveBytes] of rows) {
    console.log(
      `${name.padEnd(22)} ${(mb / (result.elapsedMs / 1000)).toFixed(1).padStart(6)} ${result.elapsedMs.toFixed(0).padStart(9)} ` +
        `${(result.maxRssBytes / 1e6).toFixed(0).padStart(13)} ${(aboveBytes / 1e6).toFixed(0).padStart(19)} ` +
        `${(aboveBytes / sizeBytes).toFixed(2).padStart(13)} ${String(result.transitions).padStart(13)}`,
    );
  }
  console.log(`speed vs Go: ${(go.elapsedMs / ours.elapsedMs).toFixed(2)}× (target ≥ 0.7×); Go's peak RSS includes its whole process`);
}

/** Reads the file once in this process and reports time and memory. */
function readOnce(path: string): ReadResult {
  const baselineRssBytes = process.memoryUsage().rss;
  const started = performance.now();
  const model = readTraceFile(path);
  const elapsedMs = performance.now() - started;
  const transitions = model.goroutines.reduce((sum, g) => sum + (g.transitions ?? 0), 0);
  return { elapsedMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, baselineRssBytes, transitions };
}

function runChild(trace: string): ReadResult {
  const child = spawnSync(process.execPath, [process.argv[1] as string, 'trace-read'], {
    env: { ...process.env, [CHILD_ENV]: trace },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`our reader failed: ${child.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as ReadResult;
}

function best(run: () => ReadResult): ReadResult {
  const results = Array.from({ length: RUNS }, run);
  return results.reduce((a, b) => (b.elapsedMs < a.elapsedMs ? b : a));
}

/** Builds the Go reader into `dir`, placing its source inside GOROOT through an overlay file. */
function buildGoReader(go: string, dir: string): string {
  const goroot = resolve(dirname(go), '..');
  const source = resolve('scripts/bench/trace-go-reader/main.go');
  const overlay = join(dir, 'overlay.json');
  const binary = join(dir, 'trace-go-reader');
  writeFileSync(overlay, JSON.stringify({ Replace: { [join(goroot, 'src/cmd/tracereadbench/main.go')]: source } }));
  goRun(go, join(goroot, 'src/cmd'), ['build', '-overlay', overlay, '-o', binary, './tracereadbench']);
  return binary;
}

function goRun(go: string, cwd: string, args: string[]): void {
  const goroot = resolve(dirname(go), '..');
  // PWD keeps the folder's unresolved name (GOROOT may be a symlink), which the overlay paths use.
  const env = { ...process.env, GOROOT: goroot, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', PWD: cwd };
  execFileSync(go, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
}
