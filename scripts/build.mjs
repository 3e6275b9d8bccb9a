// Bundles the command line tool for Node and the scene page for the browser.
// Runs on `npm ci` / `npm install` (the `prepare` script) and before the tests.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await mkdir('dist', { recursive: true });
await Promise.all([
  build({
    ...common,
    entryPoints: {
      cli: 'src/cli/main.ts',
      'order-worker': 'src/trace/go/order-worker.ts',
      ...(existsSync('scripts/bench.ts') ? { bench: 'scripts/bench.ts' } : {}),
    },
    outdir: 'dist',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { scene: 'src/scene/page.ts', preview: 'src/preview/preview-page.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  }),
]);
