/**
 * The flags the drawing commands share: the look (`render`, `still`), and
 * the programs used to draw and encode and how much to print (also `gallery`).
 */

import { Option, type Command } from 'commander';

/** The flags of every command that drives the browser and ffmpeg, as commander hands them over. */
export interface ToolFlags {
  antialias: boolean;
  gl: string;
  browser?: string;
  ffmpeg?: string;
  quiet?: boolean;
  json?: boolean;
}

/** The shared drawing flags as commander hands them over. */
export interface DrawingFlags extends ToolFlags {
  theme: string;
  showRuntime?: boolean;
}

/** Adds the drawing flags (the look, then {@link addToolOptions}) to a command. */
export function addDrawingOptions(command: Command): Command {
  return addToolOptions(
    command
      .addOption(new Option('--theme <name>', 'colour theme: dark, light, transparent (PNG with alpha), or a FILE.json overriding one').default('dark'))
      .option('--show-runtime', 'also draw goroutines started by the Go runtime'),
  );
}

/** Adds the flags choosing how to draw and encode and how much to print (`render`, `still`, `gallery`). */
export function addToolOptions(command: Command): Command {
  return command
    .option('--no-antialias', 'draw without multisampling: about twice as fast, with jagged edges')
    .addOption(new Option('--gl <backend>', 'software GL backend').choices(['auto', 'llvmpipe', 'swiftshader']).default('auto'))
    .option('--browser <path>', 'Chromium or Chrome to use (default: $CHROME_PATH, system Chromium/Chrome, puppeteer cache)')
    .option('--ffmpeg <path>', 'ffmpeg to use (default: $FFMPEG_PATH, ffmpeg-static, system ffmpeg)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print a JSON summary on stdout');
}
