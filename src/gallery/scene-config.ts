/**
 * `scene.json`: what a gallery scene is called and how it is rendered. The
 * schema is the table {@link SCENE_KEYS}; adding a render setting means
 * adding one row there and one line in {@link sceneRenderSettings}.
 */

import { CAMERA_PRESETS, type CameraPreset } from '../camera/camera-path.ts';
import { UsageError } from '../errors.ts';
import type { SceneSettings } from '../layout/build-scene.ts';
import { LAYOUT_NAMES, type LayoutChoice } from '../layout/choose-layout.ts';
import { LABEL_MODES, type LabelMode } from '../layout/labels.ts';
import { THEME_NAMES } from '../layout/themes.ts';
import { parseTimeSpec } from '../render/time-spec.ts';

/** A scene's settings, validated; sizes in pixels, rates in frames per second. */
export interface SceneConfig {
  /** Shown on the gallery page and, unless `titleOnClip` is false, drawn on the clips. */
  title: string;
  subtitle?: string;
  /** A sentence or two for the gallery page. */
  description?: string;
  /** Position on the gallery page (ascending; ties by folder name). */
  order: number;
  camera: CameraPreset;
  durationSeconds: number;
  theme: string;
  showRuntime: boolean;
  /** Size and rate of the MP4 and the poster. */
  video: { width: number; height: number; fps: number };
  gif: { width: number; height: number; fps: number };
  /** When the poster still is taken, e.g. `70%` or `1.5s`. */
  posterAt: string;
  titleOnClip: boolean;
  layout: LayoutChoice;
  labels: LabelMode;
  legend: boolean;
  timeCounter: boolean;
  compressIdle: boolean;
}

type KeyKind = 'string' | 'number' | 'boolean' | 'size';

interface KeySpec {
  kind: KeyKind;
  /** Allowed values for a string key. */
  choices?: readonly string[];
  /** Upper bound for a number key (lower bound is above 0). */
  max?: number;
  /** Extra check; returns a problem or `undefined`. */
  check?: (value: string) => string | undefined;
}

/** Every key `scene.json` may hold. Only `title` is required. */
export const SCENE_KEYS: Readonly<Record<string, KeySpec>> = {
  title: { kind: 'string', check: (text) => (text.trim() === '' ? 'must not be empty' : undefined) },
  subtitle: { kind: 'string' },
  description: { kind: 'string' },
  order: { kind: 'number', max: 1e6 },
  camera: { kind: 'string', choices: CAMERA_PRESETS },
  durationSeconds: { kind: 'number', max: 600 },
  theme: { kind: 'string', choices: THEME_NAMES },
  showRuntime: { kind: 'boolean' },
  size: { kind: 'size' },
  fps: { kind: 'number', max: 120 },
  gifSize: { kind: 'size' },
  gifFps: { kind: 'number', max: 50 },
  posterAt: { kind: 'string', check: checkTimeSpec },
  titleOnClip: { kind: 'boolean' },
  layout: { kind: 'string', choices: LAYOUT_NAMES },
  labels: { kind: 'string', choices: LABEL_MODES },
  legend: { kind: 'boolean' },
  timeCounter: { kind: 'boolean' },
  compressIdle: { kind: 'boolean' },
};

/** Values used when a key is left out. */
export const SCENE_DEFAULTS = {
  order: 1000,
  camera: 'orbit',
  durationSeconds: 8,
  theme: 'dark',
  size: '1280x720',
  fps: 30,
  gifSize: '640x360',
  gifFps: 25,
  posterAt: '100%',
} as const;

/**
 * Validates parsed `scene.json` content. `file` names the file in every
 * error, which is a {@link UsageError} naming the key, the value and the rule.
 *
 * @example
 * parseSceneConfig({ title: 'Hello', camera: 'static' }, 'scenes/hello/scene.json').camera // → 'static'
 */
export function parseSceneConfig(json: unknown, file: string): SceneConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`${file}: expected a JSON object like {"title": "…"}`);
  }
  const raw = json as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    const spec = Object.hasOwn(SCENE_KEYS, key) ? SCENE_KEYS[key] : undefined;
    if (spec === undefined) {
      throw new UsageError(`${file}: unknown key "${key}" (known keys: ${Object.keys(SCENE_KEYS).join(', ')})`);
    }
    const problem = checkValue(spec, value);
    if (problem !== undefined) throw new UsageError(`${file}: "${key}" ${problem}`);
  }
  if (raw['title'] === undefined) throw new UsageError(`${file}: "title" is required, e.g. "title": "Ping-pong"`);

  const text = (key: string, fallback: string): string => (raw[key] as string | undefined) ?? fallback;
  const flag = (key: string, fallback: boolean): boolean => (raw[key] as boolean | undefined) ?? fallback;
  const num = (key: string, fallback: number): number => (raw[key] as number | undefined) ?? fallback;
  const [videoWidth, videoHeight] = parseSize(text('size', SCENE_DEFAULTS.size));
  const [gifWidth, gifHeight] = parseSize(text('gifSize', SCENE_DEFAULTS.gifSize));
  if (videoWidth % 2 !== 0 || videoHeight % 2 !== 0) {
    throw new UsageError(`${file}: "size" ${videoWidth}x${videoHeight}: H.264 needs an even width and height`);
  }

  return {
    title: text('title', '').trim(),
    ...(raw['subtitle'] === undefined ? {} : { subtitle: text('subtitle', '') }),
    ...(raw['description'] === undefined ? {} : { description: text('description', '') }),
    order: num('order', SCENE_DEFAULTS.order),
    camera: text('camera', SCENE_DEFAULTS.camera) as CameraPreset,
    durationSeconds: num('durationSeconds', SCENE_DEFAULTS.durationSeconds),
    theme: text('theme', SCENE_DEFAULTS.theme),
    showRuntime: flag('showRuntime', false),
    video: { width: videoWidth, height: videoHeight, fps: num('fps', SCENE_DEFAULTS.fps) },
    gif: { width: gifWidth, height: gifHeight, fps: num('gifFps', SCENE_DEFAULTS.gifFps) },
    posterAt: text('posterAt', SCENE_DEFAULTS.posterAt),
    titleOnClip: flag('titleOnClip', true),
    layout: text('layout', 'auto') as LayoutChoice,
    labels: text('labels', 'auto') as LabelMode,
    legend: flag('legend', false),
    timeCounter: flag('timeCounter', true),
    compressIdle: flag('compressIdle', false),
  };
}

/** The layout and overlay part of a scene's render options. */
export function sceneRenderSettings(config: SceneConfig): SceneSettings {
  return {
    layout: config.layout,
    labels: config.labels,
    legend: config.legend,
    timeCounter: config.timeCounter,
    compressIdle: config.compressIdle,
    ...(config.titleOnClip ? { title: config.title } : {}),
    ...(config.titleOnClip && config.subtitle !== undefined ? { subtitle: config.subtitle } : {}),
  };
}

function checkValue(spec: KeySpec, value: unknown): string | undefined {
  if (spec.kind === 'number') {
    const max = spec.max ?? Number.MAX_SAFE_INTEGER;
    return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max
      ? undefined
      : `must be a number above 0 and at most ${max}, got ${JSON.stringify(value)}`;
  }
  if (spec.kind === 'boolean') return typeof value === 'boolean' ? undefined : `must be true or false, got ${JSON.stringify(value)}`;
  if (typeof value !== 'string') return `must be a string, got ${JSON.stringify(value)}`;
  if (spec.kind === 'size') return sizeProblem(value);
  if (spec.choices !== undefined && !spec.choices.includes(value)) {
    return `'${value}' is not one of ${spec.choices.join(', ')}`;
  }
  return spec.check?.(value);
}

function parseSize(text: string): [number, number] {
  const match = /^(\d+)x(\d+)$/.exec(text) as RegExpExecArray;
  return [Number(match[1]), Number(match[2])];
}

function sizeProblem(text: string): string | undefined {
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (match === null) return `'${text}' is not a size like 1280x720`;
  const sides = [Number(match[1]), Number(match[2])];
  return sides.every((side) => side >= 16 && side <= 7680) ? undefined : `'${text}': each side must be 16 to 7680 pixels`;
}

function checkTimeSpec(text: string): string | undefined {
  try {
    parseTimeSpec(text);
    return undefined;
  } catch {
    return `'${text}' is not a time like 70%, 1.5s or 120ms`;
  }
}
