import { describe, expect, it } from 'vitest';

import { buildScene } from '../../src/layout/build-scene.ts';
import { planLabels } from '../../src/layout/labels.ts';
import { themeFromJson } from '../../src/layout/theme-file.ts';
import { DARK_THEME, getTheme, LIGHT_THEME } from '../../src/layout/themes.ts';
import type { SceneGoroutine } from '../../src/scene/contract.ts';
import { pingPong, stream } from './overlay-fixtures.ts';

describe('overlay plan', () => {
  it('lists only the colours the scene uses, one row per colour', () => {
    const scene = buildScene(pingPong(), { width: 1280, height: 720, theme: DARK_THEME, showRuntime: false, antialias: true, legend: true });
    const texts = scene.overlay.legend.map((entry) => entry.text);
    expect(texts).toContain('running');
    expect(texts).toContain('sleeping');
    expect(texts).toContain('message');
    expect(texts).not.toContain('in a system call');
    expect(new Set(scene.overlay.legend.map((entry) => `${entry.shape}${entry.colour}`)).size).toBe(texts.length);
  });

  it('draws the time counter by default and no legend, title or subtitle', () => {
    const scene = buildScene(pingPong(), { width: 640, height: 360, theme: DARK_THEME, showRuntime: false, antialias: true });
    expect(scene.overlay).toEqual({ title: '', subtitle: '', timeCounter: true, legend: [] });
  });
});

describe('label modes', () => {
  const subjects = stream(30).goroutines;
  it('labels the centre only with main, nothing with none, and each goroutine with all', () => {
    const shown = (mode: 'all' | 'main' | 'none' | 'auto') => [...planLabels(subjects, 1, mode).values()].filter((plan) => plan.shown).length;
    expect(shown('main')).toBe(1);
    expect(shown('none')).toBe(0);
    expect(shown('all')).toBe(31);
    expect(shown('auto')).toBe(2);
  });
});

describe('themes', () => {
  it('has a transparent theme with a clear background', () => {
    expect(getTheme('transparent')).toMatchObject({ backgroundAlpha: 0, states: LIGHT_THEME.states });
  });

  it('overrides colours and sizes of a base theme from JSON', () => {
    const theme = themeFromJson({ base: 'light', background: '#000', states: { running: '#00ff00' }, lineWidth: 2 }, 'mine.json');
    expect(theme).toMatchObject({ name: 'mine.json', background: '#000', lineWidth: 2, arrow: LIGHT_THEME.arrow });
    expect(theme.states.running).toBe('#00ff00');
    expect(LIGHT_THEME.states.running).not.toBe('#00ff00');
  });

  it('names the file, the key and the fix for a bad theme file', () => {
    expect(() => themeFromJson({ colour: 'red' }, 't.json')).toThrowError(/--theme t\.json: "colour" is not a theme setting; known: base/);
    expect(() => themeFromJson({ arrow: 'red' }, 't.json')).toThrowError(/"arrow" "red" is not a colour; write it as "#rrggbb"/);
    expect(() => themeFromJson({ base: 'neon' }, 't.json')).toThrowError(/"base" "neon" is not a theme; use one of dark, light, transparent/);
    expect(() => themeFromJson({ states: { busy: '#fff' } }, 't.json')).toThrowError(/"states\.busy" is unknown/);
    expect(() => themeFromJson({ lineWidth: -1 }, 't.json')).toThrowError(/"lineWidth" -1 must be a number above 0/);
    expect(() => themeFromJson([], 't.json')).toThrowError(/expected a JSON object/);
  });
});

describe('stackLabels', () => {
  it('lifts a label that would cover an earlier one and leaves distant ones alone', async () => {
    const { stackLabels } = await import('../../src/layout/label-stacking.ts');
    const base = { createdNs: 0, endNs: 10, alive: false, segments: [], showLabel: true };
    const goroutines: SceneGoroutine[] = [
      { ...base, id: 1, label: 'main', x: 0, z: 0 },
      { ...base, id: 2, label: 'collect', x: 2, z: 0 },
      { ...base, id: 3, label: 'task ×4950', x: 0, z: 2 },
      { ...base, id: 4, label: 'far', x: 100, z: 0 },
    ];
    stackLabels(goroutines, { topY: 50, unitsPerNs: 1, durationNs: 10 }, 4);
    const lifts = goroutines.map((g) => g.labelLift ?? 0);
    [0, 1.05, 2.1, 0].forEach((want, index) => expect(lifts[index]).toBeCloseTo(want, 9));
  });
});
