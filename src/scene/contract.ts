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

/** Everything the page needs to draw every frame of one trace. */
export interface SceneData {
  theme: Theme;
  /** Output size in CSS pixels (= device pixels). */
  width: number;
  height: number;
  /** Multisample antialiasing on the WebGL context. */
  antialias: boolean;
  /** Time axis: `y = topY - timeNs * unitsPerNs`; time runs down. */
  topY: number;
  unitsPerNs: number;
  durationNs: number;
  goroutines: SceneGoroutine[];
  links: SceneLink[];
  arrows: SceneArrow[];
}

/** A camera placement. */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
  /** Vertical field of view in degrees. */
  fovDeg: number;
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
 * drawn as RGBA rows, bottom row first (WebGL order).
 */
export interface ScenePageApi {
  load(scene: SceneData): Promise<{ renderer: string }>;
  renderFrame(frame: FrameState): void;
  readPixels(): Uint8Array;
}
