/**
 * Themes from JSON: start from a named theme and override any colour or
 * size, e.g. `{ "base": "light", "background": "#f4f1ea",
 * "states": { "running": "#2a9d8f" }, "lineWidth": 2 }`.
 */

import { UsageError } from '../errors.ts';
import type { Theme } from '../scene/contract.ts';
import { getTheme, THEME_NAMES } from './themes.ts';

const COLOUR_KEYS = ['background', 'link', 'arrow', 'syncArrow', 'label', 'alive', 'overlayText'] as const;
const SIZE_KEYS = ['lineWidth', 'linkWidth', 'arrowWidth', 'labelSize'] as const;
const MAP_KEYS = ['states', 'blockReasons'] as const;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Builds a theme from parsed JSON. `source` names the file in errors. Every
 * problem is a {@link UsageError} naming `--theme`, the file, the key and
 * what would be accepted.
 */
export function themeFromJson(json: unknown, source: string): Theme {
  const fail = (problem: string): never => {
    throw new UsageError(`--theme ${source}: ${problem}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('expected a JSON object such as {"base": "dark", "background": "#000000"}');
  }
  const fields = json as Record<string, unknown>;

  const baseName = fields['base'] ?? 'dark';
  const theme = typeof baseName === 'string' ? getTheme(baseName) : undefined;
  if (theme === undefined) {
    return fail(`"base" ${JSON.stringify(baseName)} is not a theme; use one of ${THEME_NAMES.join(', ')}`);
  }
  theme.name = source;

  for (const [key, value] of Object.entries(fields)) {
    if (key === 'base') {
      continue;
    }
    if ((COLOUR_KEYS as readonly string[]).includes(key)) {
      (theme as unknown as Record<string, string>)[key] = colour(value, key, fail);
    } else if ((SIZE_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 100) {
        fail(`"${key}" ${JSON.stringify(value)} must be a number above 0 and at most 100 (scene units)`);
      }
      (theme as unknown as Record<string, number>)[key] = value as number;
    } else if (key === 'backgroundAlpha') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        fail(`"backgroundAlpha" ${JSON.stringify(value)} must be a number from 0 (transparent) to 1 (opaque)`);
      }
      theme.backgroundAlpha = value as number;
    } else if ((MAP_KEYS as readonly string[]).includes(key)) {
      overrideMap(theme, key as (typeof MAP_KEYS)[number], value, fail);
    } else {
      fail(`"${key}" is not a theme setting; known: base, backgroundAlpha, ${[...COLOUR_KEYS, ...SIZE_KEYS, ...MAP_KEYS].join(', ')}`);
    }
  }
  return theme;
}

function overrideMap(theme: Theme, key: (typeof MAP_KEYS)[number], value: unknown, fail: (problem: string) => never): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`"${key}" must be an object of colours, e.g. {"running": "#00ff00"}`);
  }
  const target = theme[key] as Record<string, string>;
  const known = Object.keys(key === 'states' ? theme.states : { ...theme.blockReasons, other: '' });
  for (const [name, colourValue] of Object.entries(value as Record<string, unknown>)) {
    if (!known.includes(name)) {
      fail(`"${key}.${name}" is unknown; known: ${known.join(', ')}`);
    }
    target[name] = colour(colourValue, `${key}.${name}`, fail);
  }
}

function colour(value: unknown, key: string, fail: (problem: string) => never): string {
  if (typeof value !== 'string' || !HEX_COLOUR.test(value.trim())) {
    return fail(`"${key}" ${JSON.stringify(value)} is not a colour; write it as "#rrggbb"`);
  }
  return value.trim();
}
