/**
 * The flags every drawing command shares (`render`, `still`): the look, the
 * programs used to draw and encode, and how much to print.
 */

import { Option, type Command } from 'commander';

/** The shared flags as commander hands them over. */
export interface DrawingFlags {
  theme: string;
  showRuntime?: boolean;
  antialias: boolean;
  gl: string;
  browser?: string;
  ffmpeg?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Adds the shared flags to a command. */
export function addDrawingOptions(command: Command): Command {
  return command
    .addOption(new Option('--theme <name>', 'colour theme: dark, light, transparent (PNG with alpha), or a FILE.json overriding one').default('dark'))
    .option('--show-runtime', 'also draw goroutines started by the Go runtime')
    .option('--no-antialias', 'draw without multisampling: about twice as fast, with jagged edges')
    .addOption(new Option('--gl <backend>', 'software GL backend').choices(['auto', 'llvmpipe', 'swiftshader']).default('auto'))
    .option('--browser <path>', 'Chromium or Chrome to use (default: $CHROME_PATH, system Chromium/Chrome, puppeteer cache)')
    .option('--ffmpeg <path>', 'ffmpeg to use (default: $FFMPEG_PATH, ffmpeg-static, system ffmpeg)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print a JSON summary on stdout');
}
