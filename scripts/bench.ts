/**
 * `npm run bench [-- SECTION...]`: measures this machine and prints figures
 * and ratios. With no section named, every section runs.
 */

import { benchGlBackends } from './bench/gl-backends.ts';
import { benchTraceRead } from './bench/trace-read.ts';
import { benchMemory } from './bench/memory.ts';
import { benchPipeline } from './bench/pipeline.ts';
import { benchSceneThousands } from './bench/scene-thousands.ts';

const SECTIONS: Record<string, () => Promise<void>> = {
  gl: benchGlBackends,
  'trace-read': benchTraceRead,
  pipeline: benchPipeline,
  memory: benchMemory,
  'scene-thousands': benchSceneThousands,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`error: unknown bench section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(SECTIONS)) {
  console.log(`\n== ${name}`);
  await (SECTIONS[name] as () => Promise<void>)();
}
