/**
 * Named looks for the scene: colours per goroutine state and block reason,
 * plus the sizes of lines, links, arrows and labels in scene units.
 *
 * Scene units: the whole trace spans 100 units of height (see
 * `TIME_AXIS_UNITS` in `build-scene.ts`), so a line width of 1.6 is 1.6% of
 * the trace's height. These sizes suit 720p; `buildScene` enlarges them for
 * smaller outputs.
 */

import type { Theme } from '../scene/contract.ts';

/** The original tool's palette: near-black background, lime running lines, red blocks, olive sleeps. */
export const DARK_THEME: Theme = {
  name: 'dark',
  background: '#1d1f17',
  backgroundAlpha: 1,
  states: {
    running: '#d4ff00',
    runnable: '#f5a623',
    blocked: '#ed0000',
    sleeping: '#6c8200',
    syscall: '#4f8cff',
  },
  blockReasons: {
    'chan send': '#ed0000',
    'chan receive': '#ed0000',
    select: '#ff6a3d',
    sync: '#ff5e8a',
    'sync.Cond': '#ff5e8a',
    network: '#b07cff',
    forever: '#8a1010',
    gc: '#b0703c',
  },
  link: '#b1b4b5',
  arrow: '#00d6dd',
  syncArrow: '#4f9a9e',
  label: '#d4ff00',
  alive: '#ffffff',
  overlayText: '#e8eddc',
  lineWidth: 1.6,
  linkWidth: 0.3,
  arrowWidth: 0.5,
  labelSize: 4.2,
};

/** A white-background variant with darker, saturated colours that keep their contrast on paper and slides. */
export const LIGHT_THEME: Theme = {
  name: 'light',
  background: '#ffffff',
  backgroundAlpha: 1,
  states: {
    running: '#5f9e00',
    runnable: '#e08a00',
    blocked: '#d40000',
    sleeping: '#a4b84a',
    syscall: '#2f6fe0',
  },
  blockReasons: {
    'chan send': '#d40000',
    'chan receive': '#d40000',
    select: '#e8501e',
    sync: '#d6336c',
    'sync.Cond': '#d6336c',
    network: '#7b4fd6',
    forever: '#7a0000',
    gc: '#8c5a2b',
  },
  link: '#8a8d8e',
  arrow: '#0092a0',
  syncArrow: '#7fb4ba',
  label: '#2b3a00',
  alive: '#111111',
  overlayText: '#1d1f17',
  lineWidth: 1.6,
  linkWidth: 0.3,
  arrowWidth: 0.5,
  labelSize: 4.2,
};

/**
 * For slides: the light theme's colours on a fully transparent background
 * (PNG with alpha). Label outlines are white, so names stay readable on
 * dark slides too.
 */
export const TRANSPARENT_THEME: Theme = {
  ...LIGHT_THEME,
  name: 'transparent',
  background: '#ffffff',
  backgroundAlpha: 0,
};

const THEMES: Readonly<Record<string, Theme>> = {
  dark: DARK_THEME,
  light: LIGHT_THEME,
  transparent: TRANSPARENT_THEME,
};

/** Names accepted by {@link getTheme}, default first. */
export const THEME_NAMES: readonly string[] = Object.keys(THEMES);

/**
 * Looks a theme up by name (`dark`, `light`, `transparent`) and returns a copy the caller
 * may change freely; `undefined` for an unknown name.
 */
export function getTheme(name: string): Theme | undefined {
  const theme = Object.hasOwn(THEMES, name) ? THEMES[name] : undefined;
  if (theme === undefined) {
    return undefined;
  }
  return {
    ...theme,
    states: { ...theme.states },
    blockReasons: { ...theme.blockReasons },
  };
}
