/**
 * Camera path files: JSON lists of keyframes the camera passes through.
 * Reading checks every key and names the file, the keyframe and the key in
 * its errors; writing produces exactly what reading accepts.
 *
 * ```json
 * { "easing": "ease-in-out",
 *   "keyframes": [
 *     { "at": "0%",    "position": [120, 40, 90], "target": [0, -50, 0], "fov": 40 },
 *     { "at": "2.5ms", "position": [60, 10, 140], "target": [0, -60, 0], "fov": 30, "easing": "linear" } ] }
 * ```
 */

import { UsageError } from '../errors.ts';
import { parseTimeSpec, resolveTimeSpec } from '../render/time-spec.ts';
import { CAMERA_FOV_DEG } from './camera-path.ts';
import type { Vec3 } from './framing.ts';

/** How the camera moves from one keyframe to the next. */
export const EASINGS = ['linear', 'ease-in-out', 'cubic'] as const;

/** One of {@link EASINGS}: `linear` at constant speed, `ease-in-out` slowing into each keyframe, `cubic` a smooth curve through them all. */
export type Easing = (typeof EASINGS)[number];

/** The easing of a file that names none. */
export const DEFAULT_EASING: Easing = 'ease-in-out';

const FILE_KEYS = ['easing', 'orthographic', 'keyframes'];
const KEYFRAME_KEYS = ['at', 'position', 'target', 'fov', 'height', 'easing'];

/** A keyframe with its moment resolved to trace time. */
export interface CameraKeyframe {
  /** Trace time in nanoseconds. */
  atNs: number;
  position: Vec3;
  target: Vec3;
  /** Vertical field of view in degrees. */
  fovDeg: number;
  /** With an orthographic path: the view's height in scene units. */
  viewHeight?: number;
  /** How the camera moves from this keyframe to the next. */
  easing: Easing;
}

/** A camera path ready to use: keyframes in time order, at least one. */
export interface CameraPath {
  orthographic: boolean;
  keyframes: CameraKeyframe[];
}

/** A keyframe as written in the file, for {@link formatPathFile}. */
export interface PathFileKeyframe {
  /** `"40%"`, `"2.5s"`, `"120ms"` … */
  at: string;
  position: Vec3;
  target: Vec3;
  fovDeg: number;
  viewHeight?: number;
  easing?: Easing;
}

/**
 * Reads the text of a path file for a trace of `durationNs`. Every problem
 * is a {@link UsageError} naming `fileName`, the keyframe index and the key,
 * e.g. `path.json: keyframes[1].fov: expected a number between 1 and 179, got 400`.
 */
export function parsePathFile(text: string, fileName: string, durationNs: number): CameraPath {
  const fail = (where: string, problem: string): never => {
    throw new UsageError(`${fileName}: ${where}${where === '' ? '' : ': '}${problem}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isRecord(json)) return fail('', 'expected an object with a "keyframes" list');
  unknownKeys(json, FILE_KEYS, '', fail);
  const fileEasing = json['easing'] === undefined ? DEFAULT_EASING : easingOf(json['easing'], 'easing', fail);
  const orthographic = json['orthographic'] ?? false;
  if (typeof orthographic !== 'boolean') return fail('orthographic', `expected true or false, got ${show(orthographic)}`);
  const list = json['keyframes'];
  if (!Array.isArray(list) || list.length === 0) return fail('keyframes', 'expected a list of at least one keyframe');

  const keyframes = list.map((item: unknown, index): CameraKeyframe => {
    const where = `keyframes[${index}]`;
    if (!isRecord(item)) return fail(where, `expected an object, got ${show(item)}`);
    unknownKeys(item, KEYFRAME_KEYS, where, fail);
    const keyframe: CameraKeyframe = {
      atNs: timeOf(item['at'], `${where}.at`, durationNs, fail),
      position: vectorOf(item['position'], `${where}.position`, fail),
      target: vectorOf(item['target'], `${where}.target`, fail),
      fovDeg: item['fov'] === undefined ? CAMERA_FOV_DEG : numberIn(item['fov'], `${where}.fov`, 1, 179, fail),
      easing: item['easing'] === undefined ? fileEasing : easingOf(item['easing'], `${where}.easing`, fail),
    };
    if (orthographic) {
      if (item['height'] === undefined) fail(`${where}.height`, 'an orthographic path needs the view height in scene units');
      keyframe.viewHeight = numberIn(item['height'], `${where}.height`, 1e-3, 1e6, fail);
    } else if (item['height'] !== undefined) {
      fail(`${where}.height`, 'only applies to an orthographic path (add "orthographic": true)');
    }
    return keyframe;
  });

  for (let index = 1; index < keyframes.length; index++) {
    const previous = keyframes[index - 1] as CameraKeyframe;
    if ((keyframes[index] as CameraKeyframe).atNs < previous.atNs) {
      fail(`keyframes[${index}].at`, `${show(list[index].at)} comes before keyframes[${index - 1}].at ${show(list[index - 1].at)}; list keyframes in time order`);
    }
  }
  return { orthographic, keyframes };
}

/** Writes keyframes as a path file that {@link parsePathFile} reads back; numbers are rounded to 1/1000. */
export function formatPathFile(keyframes: readonly PathFileKeyframe[], options: { easing?: Easing; orthographic?: boolean } = {}): string {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const rows = keyframes.map((keyframe) => {
    const row: Record<string, unknown> = {
      at: keyframe.at,
      position: keyframe.position.map(round),
      target: keyframe.target.map(round),
      fov: round(keyframe.fovDeg),
    };
    if (options.orthographic === true) row['height'] = round(keyframe.viewHeight ?? 100);
    if (keyframe.easing !== undefined) row['easing'] = keyframe.easing;
    return `    ${JSON.stringify(row)}`;
  });
  const head = [`"easing": ${JSON.stringify(options.easing ?? DEFAULT_EASING)}`];
  if (options.orthographic === true) head.push('"orthographic": true');
  return `{\n  ${head.join(',\n  ')},\n  "keyframes": [\n${rows.join(',\n')}\n  ]\n}\n`;
}

type Fail = (where: string, problem: string) => never;

function unknownKeys(record: Record<string, unknown>, allowed: readonly string[], where: string, fail: Fail): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) fail(where === '' ? key : `${where}.${key}`, `unknown key; expected one of ${allowed.join(', ')}`);
  }
}

function timeOf(value: unknown, where: string, durationNs: number, fail: Fail): number {
  if (typeof value !== 'string') return fail(where, `expected a time like "2.5s" or a percentage like "40%", got ${show(value)}`);
  try {
    return resolveTimeSpec(parseTimeSpec(value, where), durationNs, value, where);
  } catch (error) {
    // The time parser's message starts with the key it was given; only the file name is missing.
    if (error instanceof UsageError) return fail('', error.message);
    throw error;
  }
}

function vectorOf(value: unknown, where: string, fail: Fail): Vec3 {
  if (!Array.isArray(value) || value.length !== 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return fail(where, `expected three numbers [x, y, z], got ${show(value)}`);
  }
  return [value[0], value[1], value[2]];
}

function numberIn(value: unknown, where: string, min: number, max: number, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    return fail(where, `expected a number between ${min} and ${max}, got ${show(value)}`);
  }
  return value;
}

function easingOf(value: unknown, where: string, fail: Fail): Easing {
  if (typeof value !== 'string' || !(EASINGS as readonly string[]).includes(value)) {
    return fail(where, `expected one of ${EASINGS.join(', ')}, got ${show(value)}`);
  }
  return value as Easing;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
