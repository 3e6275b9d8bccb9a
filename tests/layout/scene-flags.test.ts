import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseSceneFlags, parseThemeFlag } from '../../src/cli/scene-options.ts';
import { UsageError } from '../../src/errors.ts';

describe('parseSceneFlags', () => {
  it('defaults to an automatic layout, a time counter and nothing else', () => {
    expect(parseSceneFlags({})).toEqual({ layout: 'auto', labels: 'auto', legend: false, timeCounter: true, compressIdle: false });
  });

  it('passes the chosen layout, labels, texts and switches on', () => {
    const settings = parseSceneFlags({ layout: 'grid', labels: 'main', title: 'T', subtitle: 'S', legend: true, timeCounter: false, compressIdle: true, fxaa: true });
    expect(settings).toEqual({ layout: 'grid', labels: 'main', title: 'T', subtitle: 'S', legend: true, timeCounter: false, compressIdle: true, fxaa: true });
  });

  it('names the flag, the value and the choices for a bad value', () => {
    expect(() => parseSceneFlags({ layout: 'tree' })).toThrowError(new UsageError("--layout 'tree': expected one of auto, circle, spiral, grid"));
    expect(() => parseSceneFlags({ labels: 'some' })).toThrowError(/--labels 'some': expected one of auto, all, main, none/);
    expect(() => parseSceneFlags({ title: 'x'.repeat(200) })).toThrowError(/--title is 200 characters long; keep it to 120/);
  });
});

describe('parseThemeFlag', () => {
  it('reads a built-in theme by name and a JSON file by path', () => {
    expect(parseThemeFlag('transparent').backgroundAlpha).toBe(0);
    const path = join(mkdtempSync(join(tmpdir(), 'gotrace-theme-')), 'slides.json');
    writeFileSync(path, JSON.stringify({ base: 'dark', arrow: '#ffffff' }));
    expect(parseThemeFlag(path)).toMatchObject({ name: path, arrow: '#ffffff' });
  });

  it('explains an unknown name, a missing file and broken JSON', () => {
    expect(() => parseThemeFlag('neon')).toThrowError(/--theme 'neon': expected one of dark, light, transparent, or a FILE\.json/);
    expect(() => parseThemeFlag('/nonexistent/x.json')).toThrowError(/--theme \/nonexistent\/x\.json: cannot read the file \(ENOENT\)/);
    const path = join(mkdtempSync(join(tmpdir(), 'gotrace-theme-')), 'bad.json');
    writeFileSync(path, '{ nope');
    expect(() => parseThemeFlag(path)).toThrowError(/--theme .*bad\.json: not valid JSON/);
  });
});
