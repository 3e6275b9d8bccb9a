/**
 * `npm run bench [-- SECTION...]`: measures this machine and prints figures
 * and ratios. With no section named, every section runs.
 */

import { benchGlBackends } from './bench/gl-backends.ts';

const SECTIONS: Record<string, () => Promise<void>> = {
  gl: benchGlBackends,
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
