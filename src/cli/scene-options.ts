/**
 * The `render` command's flags about the picture itself: layout, labels,
 * title and subtitle, legend, time counter, idle compression, and themes
 * by name or from a JSON file.
 */

import { readFileSync } from 'node:fs';

import type { Command } from 'commander';

import { FileError, UsageError } from '../errors.ts';
import type { SceneSettings } from '../layout/build-scene.ts';
import { LAYOUT_NAMES } from '../layout/choose-layout.ts';
import type { LayoutChoice } from '../layout/choose-layout.ts';
import { LABEL_MODES } from '../layout/labels.ts';
import type { LabelMode } from '../layout/labels.ts';
import { themeFromJson } from '../layout/theme-file.ts';
import { getTheme, THEME_NAMES } from '../layout/themes.ts';
import type { Theme } from '../scene/contract.ts';

/** Titles longer than this are refused: they would not fit across a picture. */
const MAX_TITLE_CHARS = 120;

/** The flags as commander hands them over. */
export interface SceneFlags {
  layout?: string;
  labels?: string;
  title?: string;
  subtitle?: string;
  legend?: boolean;
  timeCounter?: boolean;
  compressIdle?: boolean;
  fxaa?: boolean;
}

/** Adds the scene flags to a command (`--theme` is defined with the render flags). */
export function addSceneOptions(command: Command): Command {
  return command
    .option('--layout <name>', `where goroutines stand: ${LAYOUT_NAMES.join(', ')} (default auto: by the shape of the trace)`)
    .option('--labels <which>', `goroutine names to draw: ${LABEL_MODES.join(', ')} (default auto)`)
    .option('--title <text>', 'title in the top left corner')
    .option('--subtitle <text>', 'smaller line under the title')
    .option('--legend', 'draw a legend of the colours in the bottom right corner')
    .option('--no-time-counter', 'hide the trace time in the bottom left corner')
    .option('--fxaa', 'smooth edges with one cheap pass after drawing instead of multisampling: faster in software GL')
    .option('--compress-idle', 'shorten long stretches where nothing happens, so short bursts get room (the time counter stays true)');
}

/** Validates the scene flags; every problem is a {@link UsageError} naming the flag, the value and the choices. */
export function parseSceneFlags(flags: SceneFlags): SceneSettings {
  const layout = choice<LayoutChoice>('--layout', flags.layout ?? 'auto', LAYOUT_NAMES);
  const labels = choice<LabelMode>('--labels', flags.labels ?? 'auto', LABEL_MODES);
  const settings: SceneSettings = {
    layout,
    labels,
    legend: flags.legend === true,
    timeCounter: flags.timeCounter !== false,
    compressIdle: flags.compressIdle === true,
  };
  if (flags.fxaa === true) settings.fxaa = true;
  for (const [flag, value] of [['--title', flags.title], ['--subtitle', flags.subtitle]] as const) {
    if (value !== undefined && value.length > MAX_TITLE_CHARS) {
      throw new UsageError(`${flag} is ${value.length} characters long; keep it to ${MAX_TITLE_CHARS} or fewer so it fits`);
    }
  }
  if (flags.title !== undefined) settings.title = flags.title;
  if (flags.subtitle !== undefined) settings.subtitle = flags.subtitle;
  return settings;
}

/**
 * `--theme NAME|FILE.json`: a built-in theme by name, or a JSON file that
 * overrides one (see `theme-file.ts`). Returns a copy the caller may change.
 */
export function parseThemeFlag(value: string): Theme {
  const named = getTheme(value);
  if (named !== undefined) {
    return named;
  }
  if (!value.toLowerCase().endsWith('.json')) {
    throw new UsageError(`--theme '${value}': expected one of ${THEME_NAMES.join(', ')}, or a FILE.json that overrides one`);
  }

  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch (error) {
    throw new FileError(`--theme ${value}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
      badInput: true,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--theme ${value}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return themeFromJson(json, value);
}

function choice<T extends string>(flag: string, value: string, allowed: readonly string[]): T {
  if (!allowed.includes(value)) {
    throw new UsageError(`${flag} '${value}': expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}
