/**
 * `gotrace-render doctor`: which browser and ffmpeg the tool would use, and
 * what to install when one is missing.
 */

import { execFileSync } from 'node:child_process';

import { findFfmpeg } from '../encode/find-ffmpeg.ts';
import { GotraceError, UsageError } from '../errors.ts';
import { findBrowser } from '../render/find-browser.ts';

/** Flags of `doctor`. */
export interface DoctorFlags {
  check?: string;
  browser?: string;
  ffmpeg?: string;
}

interface Finding {
  tool: string;
  found: boolean;
  detail: string;
}

/** Prints one line per tool; exits non-zero when a required tool is missing. */
export async function doctorCommand(flags: DoctorFlags): Promise<void> {
  const tools = flags.check === undefined ? ['browser', 'ffmpeg'] : [flags.check];
  const findings: Finding[] = [];
  for (const tool of tools) {
    if (tool === 'browser') findings.push(probe('browser', () => findBrowser(flags.browser)));
    else if (tool === 'ffmpeg') findings.push(probe('ffmpeg', () => findFfmpeg(flags.ffmpeg)));
    else throw new UsageError(`--check '${tool}': expected browser or ffmpeg`);
  }

  findings.unshift({ tool: 'node', found: true, detail: process.version });
  for (const finding of findings) {
    process.stdout.write(`${finding.tool.padEnd(8)} ${finding.found ? 'ok     ' : 'MISSING'} ${finding.detail}\n`);
  }
  if (findings.some((finding) => !finding.found)) process.exitCode = 1;
}

/** How long a tool may take to print its version. */
const VERSION_TIMEOUT_MS = 20_000;

function probe(tool: string, find: () => { executablePath: string; source: string }): Finding {
  let found: { executablePath: string; source: string };
  try {
    found = find();
  } catch (error) {
    if (error instanceof GotraceError) return { tool, found: false, detail: error.message };
    throw error;
  }

  // A file that exists is not enough: run it and keep the first line it prints.
  const where = `${found.executablePath} (from ${found.source})`;
  try {
    const output = execFileSync(found.executablePath, tool === 'ffmpeg' ? ['-hide_banner', '-version'] : ['--version'], {
      encoding: 'utf8',
      timeout: VERSION_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const version = output.trim().split('\n')[0] ?? '';
    if (version === '') return { tool, found: false, detail: `${where} printed no version; is it really ${tool}?` };
    return { tool, found: true, detail: `${where}: ${version}` };
  } catch {
    return { tool, found: false, detail: `${where} does not run (asked for its version); install a working ${tool} or point to one` };
  }
}
