/**
 * The camera flags shared by `render`, `still` and `preview`: a preset or a
 * camera path file, and the options that adjust a preset.
 */

import { readFileSync } from 'node:fs';

import { Option, type Command } from 'commander';

import { CAMERA_PRESETS, type CameraOptions, type CameraPreset } from '../camera/camera-path.ts';
import type { CameraPlan } from '../camera/camera-plan.ts';
import { parsePathFile } from '../camera/path-file.ts';
import { FileError, UsageError } from '../errors.ts';

/** Largest `--distance` factor: beyond it the scene is a speck. */
const MAX_DISTANCE_SCALE = 20;

/** The flags as commander hands them over. */
export interface CameraFlags {
  camera: string;
  distance?: string;
  elevation?: string;
  fov?: string;
  orthographic?: boolean;
}

/** Adds `--camera`, `--distance`, `--elevation`, `--fov` and `--orthographic` to a command. */
export function addCameraOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--camera <preset|file.json>', `camera: ${CAMERA_PRESETS.join(', ')}, or a camera path file (JSON keyframes)`).default('orbit'),
    )
    .option('--distance <factor>', 'camera distance as a multiple of the one that just fits the scene: 0.6 is closer, 1.5 farther (default 1)')
    .option('--elevation <degrees>', 'camera height above the horizontal, -89 to 89 (default 22; 0 for front and side; 89 for top)')
    .option('--fov <degrees>', 'vertical field of view, 5 to 120 (default 40)')
    .option('--orthographic', 'parallel projection: no perspective, lines keep their size with depth');
}

/**
 * Checks `--camera` before anything is read: a preset name, or a name
 * ending in `.json` (read later by {@link parseCameraFlags}).
 */
export function checkCameraFlag(value: string): void {
  if (!isPathFile(value) && !(CAMERA_PRESETS as readonly string[]).includes(value)) {
    throw new UsageError(`--camera '${value}': expected one of ${CAMERA_PRESETS.join(', ')}, or a camera path FILE.json`);
  }
}

/**
 * The camera of a render of a trace lasting `durationNs` (a path file's
 * percentages and times are resolved against it). Bad values and bad files
 * are {@link UsageError}s naming the flag or the file, the keyframe and the key.
 */
export function parseCameraFlags(flags: CameraFlags, durationNs: number): CameraPlan {
  checkCameraFlag(flags.camera);
  if (isPathFile(flags.camera)) {
    const given = (['distance', 'elevation', 'fov', 'orthographic'] as const).filter((key) => flags[key] !== undefined);
    if (given.length > 0) {
      throw new UsageError(`--${given[0]} adjusts a camera preset; a camera path file sets the view itself (${flags.camera})`);
    }
    return { path: parsePathFile(readPathFile(flags.camera), flags.camera, durationNs) };
  }

  const options: CameraOptions = {};
  if (flags.distance !== undefined) options.distanceScale = numberIn(flags.distance, '--distance', 0.05, MAX_DISTANCE_SCALE);
  if (flags.elevation !== undefined) options.elevationDeg = numberIn(flags.elevation, '--elevation', -89, 89);
  if (flags.fov !== undefined) options.fovDeg = numberIn(flags.fov, '--fov', 5, 120);
  if (flags.orthographic === true) options.orthographic = true;
  return { preset: flags.camera as CameraPreset, options };
}

function isPathFile(value: string): boolean {
  return value.toLowerCase().endsWith('.json');
}

function readPathFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const reason = code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})`;
    throw new FileError(`--camera ${path}: ${reason}`, { cause: error, badInput: true });
  }
}

function numberIn(text: string, flag: string, min: number, max: number): number {
  const value = Number(text.trim().replace(/°$/, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${flag} '${text}': expected a number from ${min} to ${max}`);
  }
  return value;
}
