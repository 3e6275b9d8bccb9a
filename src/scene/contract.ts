/**
 * What Node hands to the browser page and how it drives it. Shared by the
 * layout (which builds {@link SceneData} in Node) and the page bundle (which
 * draws it). Everything here is plain JSON.
 */

import type { GoroutineState, BlockReason, MessageKind } from '../model.ts';

/** An RGB colour as `#rrggbb`. */
export type HexColour = string;

/** Colours and sizes of one look. */
export interface Theme {
  name: string;
  background: HexColour;
  /** Alpha of the background, 0 for a transparent PNG. */
  backgroundAlpha: number;
  states: Record<GoroutineState, HexColour>;
  /** Optional colours per block reason, drawn instead of `states.blocked`. */
  blockReasons: Partial<Record<BlockReason, HexColour>>;
  link: HexColour;
  arrow: HexColour;
  syncArrow: HexColour;
  label: HexColour;
  /** Marker at the end of a goroutine still alive when the trace ends. */
  alive: HexColour;
  /** Title, subtitle, time counter and legend text. */
  overlayText: HexColour;
  /** Goroutine line thickness in scene units. */
  lineWidth: number;
  linkWidth: number;
  arrowWidth: number;
  /** Label height in scene units. */
  labelSize: number;
}

/** A span of one goroutine's line in one state. */
export interface SceneSegment {
  startNs: number;
  endNs: number;
  state: GoroutineState;
  reason?: BlockReason;
}

/** A goroutine placed in the scene. */
export interface SceneGoroutine {
  id: number;
  label: string;
  /** Whether the label is drawn. */
  showLabel: boolean;
  /** How far the label is lifted above its usual place, in label heights, so it clears a neighbour's; 0 when unset. */
  labelLift?: number;
  x: number;
  z: number;
  createdNs: number;
  /** End of the line: when it ended, or the end of the trace. */
  endNs: number;
  /** Whether it was still alive when the trace ended. */
  alive: boolean;
  segments: SceneSegment[];
}

/** A thin horizontal link from a parent's line to a child's start. */
export interface SceneLink {
  fromX: number;
  fromZ: number;
  toX: number;
  toZ: number;
  atNs: number;
}

/** An arrow from sender to receiver. */
export interface SceneArrow {
  fromX: number;
  fromZ: number;
  toX: number;
  toZ: number;
  sendNs: number;
  receiveNs: number;
  kind: MessageKind;
  value?: string;
}

/** One row of the legend: a colour swatch and what it means. */
export interface LegendEntry {
  colour: HexColour;
  text: string;
  /** Drawn as a short line (`line`), an arrow (`arrow`) or a ring (`marker`). */
  shape: 'line' | 'arrow' | 'marker';
}

/** Text and keys drawn flat over the picture, in screen pixels. */
export interface SceneOverlay {
  /** Top left, large; empty for none. */
  title: string;
  /** Under the title, smaller; empty for none. */
  subtitle: string;
  /** Whether the trace time (`t = 120 ms`) is drawn in the bottom left corner. */
  timeCounter: boolean;
  /** Rows of the legend in the bottom right corner; empty for no legend. */
  legend: LegendEntry[];
}

/**
 * A time axis that is not linear: scene y at a few trace times, linear in
 * between. `ns` rises and `y` falls; the first knot is time 0 at `topY`.
 */
export interface TimeKnots {
  ns: number[];
  y: number[];
}

/** Everything the page needs to draw every frame of one trace. */
export interface SceneData {
  theme: Theme;
  /** Output size in CSS pixels (= device pixels). */
  width: number;
  height: number;
  /** Multisample antialiasing on the WebGL context. */
  antialias: boolean;
  /** Smooth edges with the cheaper pass of `fxaa-pass.ts` instead (then `antialias` is false). */
  fxaa?: boolean;
  /**
   * What `readPixels` returns: RGBA rows bottom first (the default), or the
   * frame converted on the GPU to I420 (`yuv420p`: BT.709, limited range; Y
   * plane, then U, then V, rows top first; only for sizes `fitsI420` in
   * `i420-layout.ts` accepts), for outputs without alpha that ffmpeg
   * stores as YUV anyway.
   */
  readback?: 'rgba' | 'yuv420p';
  /**
   * Time axis: `y = topY - timeNs * unitsPerNs`; time runs down. When
   * `timeKnots` is set (idle stretches compressed) it decides instead, and
   * `unitsPerNs` is only the average; use `sceneY` from `time-axis.ts`.
   */
  topY: number;
  unitsPerNs: number;
  timeKnots?: TimeKnots;
  durationNs: number;
  goroutines: SceneGoroutine[];
  links: SceneLink[];
  arrows: SceneArrow[];
  overlay: SceneOverlay;
}

/** A camera placement. */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
  /** Vertical field of view in degrees (perspective only). */
  fovDeg: number;
  /** Parallel projection instead of perspective: sizes do not shrink with depth. */
  orthographic?: boolean;
  /** With `orthographic`: the height of the view in scene units. */
  viewHeight?: number;
}

/** Everything that differs from one frame to the next. */
export interface FrameState {
  /** Trace time shown by this frame; things after it are not drawn yet. */
  timeNs: number;
  camera: CameraPose;
}

/**
 * The API the page bundle installs as `window.gotraceScene`.
 * `renderFrame` draws synchronously; `readPixels` returns the frame just
 * drawn as RGBA rows, bottom row first (WebGL order), or as I420 planes,
 * top row first, when the scene's `readback` is `yuv420p`.
 */
export interface ScenePageApi {
  load(scene: SceneData): Promise<{ renderer: string }>;
  renderFrame(frame: FrameState): void;
  readPixels(): Uint8Array;
}
