/**
 * `scene.json` validation and shard selection: pure, no rendering.
 */

import { describe, expect, it } from 'vitest';

import { parseSceneConfig, sceneRenderSettings } from '../../src/gallery/scene-config.ts';
import { parseShard, selectShard } from '../../src/gallery/shard.ts';

const FILE = 'scenes/demo/scene.json';

describe('parseSceneConfig', () => {
  it('fills defaults around the title', () => {
    const config = parseSceneConfig({ title: 'Demo' }, FILE);
    expect(config).toMatchObject({
      title: 'Demo',
      camera: 'orbit',
      durationSeconds: 8,
      theme: 'dark',
      video: { width: 1280, height: 720, fps: 30 },
      gif: { width: 640, height: 360, fps: 25 },
      posterAt: '100%',
    });
    expect(sceneRenderSettings(config)).toMatchObject({ title: 'Demo', layout: 'auto', labels: 'auto' });
  });

  it('rejects an unknown key, naming the file and the key', () => {
    expect(() => parseSceneConfig({ title: 'Demo', durationSecs: 3 }, FILE)).toThrow(/^scenes\/demo\/scene\.json: unknown key "durationSecs" \(known keys: title, /);
  });

  it('rejects a bad value with the rule', () => {
    expect(() => parseSceneConfig({ title: 'Demo', camera: 'dolly' }, FILE)).toThrow(`${FILE}: "camera" 'dolly' is not one of orbit, front, side, top, follow, static`);
    expect(() => parseSceneConfig({ title: 'Demo', fps: 0 }, FILE)).toThrow(`${FILE}: "fps" must be a number above 0 and at most 120, got 0`);
    expect(() => parseSceneConfig({ title: 'Demo', size: '641x360' }, FILE)).toThrow(/H\.264 needs an even width and height/);
    expect(() => parseSceneConfig({ title: 'Demo', posterAt: 'soon' }, FILE)).toThrow(/"posterAt" 'soon' is not a time/);
  });

  it('requires a title and an object', () => {
    expect(() => parseSceneConfig({}, FILE)).toThrow(`${FILE}: "title" is required, e.g. "title": "Ping-pong"`);
    expect(() => parseSceneConfig([], FILE)).toThrow(/expected a JSON object/);
  });
});

describe('shards', () => {
  it('parses k/n and refuses k outside 1..n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('4/3')).toThrow(/--shard '4\/3': expected k\/n with 1 ≤ k ≤ n/);
    expect(() => parseShard('0/3')).toThrow(/expected k\/n/);
  });

  it('deals the scenes round-robin so the shards cover each once', () => {
    const scenes = ['a', 'b', 'c', 'd', 'e'];
    const parts = [1, 2, 3].map((index) => selectShard(scenes, { index, count: 3 }));
    expect(parts).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
    expect(parts.flat().sort()).toEqual(scenes);
  });
});
