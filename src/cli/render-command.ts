/**
 * `gotrace-render render TRACE -o OUT`: read, render, report.
 */

import { patternDigits } from '../encode/output-kind.ts';
import { frameCountFor, snapGifFps } from '../render/frame-clock.ts';
import { renderTrace } from '../render/render-trace.ts';
import { parseTimeSpec, resolveTimeSpec } from '../render/time-spec.ts';
import { parseCameraFlags, type CameraFlags } from './camera-options.ts';
import { withInterrupts } from './interrupts.ts';
import { loadTrace, requireDrawable } from './load-trace.ts';
import { parseEncodeFlags, type EncodeFlags } from './encode-options.ts';
import { createProgressPrinter } from './progress.ts';
import { parseRenderFlags, type RenderFlags } from './render-options.ts';
import { parseSceneFlags, type SceneFlags } from './scene-options.ts';

/** All flags of `render`. */
export type RenderCommandFlags = RenderFlags & EncodeFlags & SceneFlags & CameraFlags;

/** The action of the `render` command. */
export async function renderCommand(tracePath: string, flags: RenderCommandFlags): Promise<void> {
  const settings = parseRenderFlags(flags);
  const sceneSettings = parseSceneFlags(flags);
  const encode = parseEncodeFlags(flags, settings.kind);
  if (encode.frameStep > 1) {
    const stepped = settings.fps / encode.frameStep;
    settings.fps = settings.kind === 'gif' ? snapGifFps(stepped) : stepped;
    settings.notices.push(`keeping one frame in ${encode.frameStep}: ${settings.fps} fps`);
  }
  const frameCount = frameCountFor(settings.durationSeconds, settings.fps);
  const digits = patternDigits(flags.output);
  if (settings.kind === 'png-sequence' && digits < String(frameCount - 1).length) {
    settings.notices.push(
      `${frameCount} frames need ${String(frameCount - 1).length} digits to sort by name; ` +
        `use a pattern like %0${String(frameCount - 1).length}d`,
    );
  }
  const model = await loadTrace(tracePath);
  requireDrawable(model, tracePath, flags.showRuntime ?? false);
  const atNs = flags.at === undefined ? undefined : resolveTimeSpec(parseTimeSpec(flags.at), model.durationNs, flags.at);
  const camera = parseCameraFlags(flags, model.durationNs);
  if (settings.theme.backgroundAlpha < 1 && (settings.kind === 'mp4' || settings.kind === 'gif')) {
    settings.notices.push(`${settings.kind.toUpperCase()} has no alpha channel, so the background is drawn opaque; use .webm, .png or .apng to keep it transparent`);
  }
  const chatty = !flags.quiet && !flags.json;

  if (chatty) for (const notice of settings.notices) process.stderr.write(`note: ${notice}\n`);
  const progress = chatty ? createProgressPrinter(process.stderr) : undefined;

  const options = {
    model,
    outputPath: flags.output,
    width: settings.width,
    height: settings.height,
    fps: settings.fps,
    durationSeconds: settings.durationSeconds,
    camera,
    theme: settings.theme,
    scene: sceneSettings,
    showRuntime: flags.showRuntime ?? false,
    ...(atNs === undefined ? {} : { atNs }),
    antialias: flags.antialias,
    gl: settings.gl,
    ...(flags.browser === undefined ? {} : { browserPath: flags.browser }),
    ...(flags.ffmpeg === undefined ? {} : { ffmpegPath: flags.ffmpeg }),
    encode: {
      ...(encode.crf === undefined ? {} : { crf: encode.crf }),
      preset: encode.preset,
      gif: encode.gif,
      loopCount: encode.loopCount,
    },
    ...(encode.frameRange === undefined ? {} : { frameRange: encode.frameRange }),
    concurrency: encode.concurrency,
    ...(progress === undefined ? {} : { onProgress: progress.update }),
  };
  const result = await withInterrupts((signal) => renderTrace({ ...options, signal })).finally(() => progress?.done());

  const seconds = result.elapsedMs / 1000;
  if (flags.json) {
    const summary = {
      outputs: result.outputs,
      frames: result.frameCount,
      width: settings.width,
      height: settings.height,
      fps: settings.fps,
      seconds: Number(seconds.toFixed(3)),
      framesPerSecond: Number((result.frameCount / seconds).toFixed(2)),
      bytes: result.bytes,
      backend: result.backend,
      renderer: result.renderer,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else if (!flags.quiet) {
    const what = result.outputs.length === 1 ? result.outputs[0] : `${result.outputs.length} files (${result.outputs[0]} …)`;
    process.stdout.write(
      `wrote ${what}: ${result.frameCount} frame${result.frameCount === 1 ? '' : 's'}, ` +
        `${settings.width}x${settings.height}, ${seconds.toFixed(1)} s (${result.backend})\n`,
    );
  }
}
