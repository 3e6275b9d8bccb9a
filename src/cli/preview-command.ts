/**
 * `gotrace-render preview TRACE`: the scene in an interactive page on
 * 127.0.0.1, to find views and save them as a camera path file. Runs until
 * interrupted.
 */

import { basename } from 'node:path';

import { Option, type Command } from 'commander';

import { planPose } from '../camera/camera-plan.ts';
import { poseOnPath } from '../camera/keyframe-track.ts';
import { buildScene } from '../layout/build-scene.ts';
import type { PreviewData } from '../preview/preview-data.ts';
import { SCRUBBER_STEPS } from '../preview/keyframe-list.ts';
import { startPreviewServer } from '../preview/preview-server.ts';
import { addCameraOptions, parseCameraFlags, type CameraFlags } from './camera-options.ts';
import { loadTrace, requireDrawable } from './load-trace.ts';
import { parseRenderFlags } from './render-options.ts';
import { addSceneOptions, parseSceneFlags, type SceneFlags } from './scene-options.ts';

/** The flags as commander hands them over. */
export interface PreviewFlags extends SceneFlags, CameraFlags {
  size?: string;
  duration?: string;
  theme: string;
  showRuntime?: boolean;
  antialias: boolean;
}

/** Registers `preview` on the program. */
export function addPreviewCommand(program: Command): void {
  const preview = program
    .command('preview')
    .description('open the scene in an interactive page on 127.0.0.1 to find views and save them as a camera path')
    .argument('<trace>', 'trace file: Go execution trace or gotrace JSON')
    .option('--size <WxH>', 'picture size; render at the same size so views match (default 1280x720)')
    .option('--duration <seconds>', 'length of the clip, for playing at its speed (default 8)')
    .addOption(new Option('--theme <name>', 'colour theme: dark, light, transparent, or a FILE.json').default('dark'))
    .option('--show-runtime', 'also draw goroutines started by the Go runtime')
    .option('--no-antialias', 'draw without multisampling');
  addCameraOptions(addSceneOptions(preview)).action(previewCommand);
}

/** The action of the `preview` command: serves until SIGINT or SIGTERM. */
export async function previewCommand(tracePath: string, flags: PreviewFlags): Promise<void> {
  const settings = parseRenderFlags({ ...flags, output: 'preview.mp4', gl: 'auto' });
  const sceneSettings = parseSceneFlags(flags);
  const model = await loadTrace(tracePath);
  requireDrawable(model, tracePath, flags.showRuntime ?? false);
  const camera = parseCameraFlags(flags, model.durationNs);
  const scene = buildScene(model, {
    width: settings.width,
    height: settings.height,
    theme: settings.theme,
    showRuntime: flags.showRuntime ?? false,
    antialias: flags.antialias,
    ...sceneSettings,
  });

  const durationNs = Math.max(scene.durationNs, 1);
  const keyframes =
    typeof camera === 'object' && 'path' in camera
      ? camera.path.keyframes.map((keyframe) => ({
          step: Math.round((keyframe.atNs / durationNs) * SCRUBBER_STEPS),
          pose: poseOnPath(camera.path, keyframe.atNs),
        }))
      : [];
  const data: PreviewData = {
    scene,
    initialPose: planPose(camera, scene, 1, scene.durationNs),
    keyframes,
    clipSeconds: settings.durationSeconds,
  };

  const server = await startPreviewServer(data, basename(tracePath));
  process.stdout.write(`preview of ${tracePath} at ${server.url} (${settings.width}x${settings.height}; Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
