/**
 * Colour helpers for the page. Theme colours go to the shaders as plain
 * sRGB floats, so a flat-coloured pixel comes out exactly the theme's hex.
 */

import type { HexColour, Theme } from './contract.ts';
import type { BlockReason, GoroutineState } from '../model.ts';

/** An sRGB colour as three floats in 0..1. */
export type Rgb = [number, number, number];

/** Parses `#rrggbb` (or `#rgb`); anything unreadable becomes mid grey. */
export function hexToRgb(hex: HexColour): Rgb {
  const digits = hex.trim().replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  const value = Number.parseInt(full, 16);
  if (full.length !== 6 || Number.isNaN(value)) {
    return [0.5, 0.5, 0.5];
  }
  return [((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255];
}

/** The colour of a goroutine line in a state, using the block reason's own colour when the theme has one. */
export function stateColour(theme: Theme, state: GoroutineState, reason: BlockReason | undefined): Rgb {
  const byReason = state === 'blocked' && reason !== undefined ? theme.blockReasons[reason] : undefined;
  return hexToRgb(byReason ?? theme.states[state]);
}
