/**
 * Turns a trace model into scene data: where each goroutine's line stands,
 * how its states colour it over time, and which links, arrows and labels go
 * with it. Pure and deterministic: the same model and options always give
 * the same scene.
 */

import type { Goroutine, Message, TraceModel } from '../model.ts';
import type { SceneArrow, SceneData, SceneGoroutine, SceneLink, SceneSegment, Theme } from '../scene/contract.ts';
import { chooseLayout, placeGoroutines } from './choose-layout.ts';
import type { LayoutChoice, LayoutName } from './choose-layout.ts';
import { buildFamilyTree } from './family-tree.ts';
import { compressIdle, eventTimesNs } from './idle-compression.ts';
import { stackLabels } from './label-stacking.ts';
import { planLabels } from './labels.ts';
import type { LabelMode } from './labels.ts';
import { planOverlay } from './overlay-plan.ts';
import type { OverlayOptions } from './overlay-plan.ts';
import { DEFAULT_PLACEMENT } from './tree-placement.ts';
import type { PlacementOptions } from './tree-placement.ts';

/** Height of the whole trace in scene units, however long it lasted. */
export const TIME_AXIS_UNITS = 100;

/** Scene y of the trace's first instant; the last one sits at `TOP_Y - TIME_AXIS_UNITS`. */
export const TOP_Y = TIME_AXIS_UNITS / 2;

/** Output height the theme's sizes are made for. */
const REFERENCE_HEIGHT_PX = 720;

/** The user's choices about the scene's arrangement and overlays; every field has a default. */
export interface SceneSettings extends OverlayOptions {
  /** Default `auto`: chosen by the shape of the trace. */
  layout?: LayoutChoice;
  /** Default `auto`. */
  labels?: LabelMode;
  /** Shorten long idle stretches on the time axis; default off (linear). */
  compressIdle?: boolean;
  /** Smooth edges with a cheap pass after drawing instead of multisampling; default off. */
  fxaa?: boolean;
}

/** What {@link buildScene} needs besides the model. */
export interface BuildSceneOptions extends SceneSettings {
  /** Output size in pixels. */
  width: number;
  height: number;
  theme: Theme;
  /** Draw goroutines the runtime started for itself. */
  showRuntime: boolean;
  antialias: boolean;
  /** Layout spacing; defaults suit the 100-unit time axis. */
  placement?: PlacementOptions;
}

/**
 * Lays the model out. Time runs down the Y axis (`y = topY - timeNs *
 * unitsPerNs`, or through time knots with `compressIdle`); the main goroutine
 * stands at x = z = 0 and the others where the layout puts them (by default
 * chosen from the trace's shape: a circle round each creator, a spiral, or a
 * grid). Runtime goroutines are left out unless `showRuntime` is set,
 * together with the links and arrows that touch them.
 */
export function buildScene(model: TraceModel, options: BuildSceneOptions): SceneData {
  const { width, height, theme, showRuntime, antialias, placement = DEFAULT_PLACEMENT, layout = 'auto', labels: labelMode = 'auto' } = options;

  const visible = model.goroutines.filter((goroutine) => showRuntime || !goroutine.runtime);
  // A trace of zero length still gets a time axis one nanosecond long.
  const durationNs = Math.max(1, effectiveDurationNs(model, visible));
  const unitsPerNs = TIME_AXIS_UNITS / durationNs;

  const tree = buildFamilyTree(visible);
  const layoutName: LayoutName = layout === 'auto' ? chooseLayout(visible, durationNs) : layout;
  const { positions, widthScale } = placeGoroutines(layoutName, visible, tree, placement);
  const labels = planLabels(visible, tree.centreId, labelMode);

  const goroutines: SceneGoroutine[] = visible.map((goroutine) => {
    const position = positions.get(goroutine.id) ?? { x: 0, z: 0 };
    const endNs = lineEndNs(goroutine, durationNs);
    return {
      id: goroutine.id,
      label: labels.get(goroutine.id)?.text ?? `g${goroutine.id}`,
      showLabel: labels.get(goroutine.id)?.shown ?? false,
      x: position.x,
      z: position.z,
      createdNs: Math.min(goroutine.createdNs, endNs),
      endNs,
      // main is still running when a program stops its own trace, so its survival is no leak.
      alive: goroutine.endedNs === null && goroutine.id !== tree.centreId,
      segments: segmentsOf(goroutine, endNs),
    };
  });

  const byId = new Map(goroutines.map((goroutine) => [goroutine.id, goroutine]));
  const sceneTheme = thinned(scaleForOutput(theme, height), widthScale);
  const arrows = arrowsOf(model.messages, byId);
  const scene: SceneData = {
    theme: sceneTheme,
    width,
    height,
    antialias: antialias && options.fxaa !== true,
    topY: TOP_Y,
    unitsPerNs,
    durationNs,
    goroutines,
    // A grid shows thousands; a link from the centre to each of them would only be noise.
    links: layoutName === 'grid' ? [] : linksOf(visible, byId),
    arrows,
    overlay: planOverlay(options, theme, goroutines, arrows),
  };
  const timeKnots = options.compressIdle === true ? compressIdle(eventTimesNs(goroutines, arrows), durationNs, TOP_Y, TIME_AXIS_UNITS) : undefined;
  if (timeKnots !== undefined) {
    scene.timeKnots = timeKnots;
  }
  if (options.fxaa !== undefined) {
    scene.fxaa = options.fxaa;
  }
  // Shown labels in the order they were chosen: the centre first, then by creation.
  const labelOrder = [...goroutines].sort((a, b) => (a.id === tree.centreId ? -1 : b.id === tree.centreId ? 1 : a.createdNs - b.createdNs || a.id - b.id));
  stackLabels(labelOrder, scene, sceneTheme.labelSize);
  return scene;
}

/**
 * Sizes in a theme suit a 720-pixel-high picture. Smaller pictures get
 * larger labels (about 1.6 times the size at 360 pixels and below) and
 * somewhat thicker lines, so text stays readable and lines stay solid.
 */
function scaleForOutput(theme: Theme, heightPx: number): Theme {
  const shrink = Math.min(2, Math.max(1, REFERENCE_HEIGHT_PX / Math.max(heightPx, 1)));
  if (shrink === 1) {
    return theme;
  }
  const labelScale = shrink ** 0.7;
  const widthScale = shrink ** 0.5;
  return {
    ...theme,
    lineWidth: theme.lineWidth * widthScale,
    linkWidth: theme.linkWidth * widthScale,
    arrowWidth: theme.arrowWidth * widthScale,
    labelSize: theme.labelSize * labelScale,
  };
}

/** Lines, links and arrows `factor` times as wide (labels unchanged). */
function thinned(theme: Theme, factor: number): Theme {
  if (factor === 1) {
    return theme;
  }
  return { ...theme, lineWidth: theme.lineWidth * factor, linkWidth: theme.linkWidth * factor, arrowWidth: theme.arrowWidth * factor };
}

/** The trace's length, stretched if any visible event lies past the recorded duration. */
function effectiveDurationNs(model: TraceModel, visible: readonly Goroutine[]): number {
  let durationNs = Math.max(0, model.durationNs);
  for (const goroutine of visible) {
    durationNs = Math.max(durationNs, goroutine.createdNs, goroutine.endedNs ?? 0);
  }
  return durationNs;
}

function lineEndNs(goroutine: Goroutine, durationNs: number): number {
  const endNs = goroutine.endedNs ?? durationNs;
  return Math.max(goroutine.createdNs, Math.min(endNs, durationNs));
}

/**
 * One segment per state span: a span lasts until the next one starts or the
 * line ends. The first segment starts at creation even when the first span
 * is recorded later; empty segments are dropped, except that a goroutine
 * that lived no time at all keeps one empty segment in its last state.
 */
function segmentsOf(goroutine: Goroutine, endNs: number): SceneSegment[] {
  const spans = [...goroutine.spans].sort((a, b) => a.startNs - b.startNs);
  const segments: SceneSegment[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span === undefined) {
      continue;
    }
    const nextNs = spans[i + 1]?.startNs ?? endNs;
    const segmentStartNs = i === 0 ? goroutine.createdNs : Math.max(span.startNs, goroutine.createdNs);
    const segmentEndNs = Math.min(nextNs, endNs);
    if (segmentEndNs <= segmentStartNs) {
      continue;
    }
    const segment: SceneSegment = { startNs: segmentStartNs, endNs: segmentEndNs, state: span.state };
    if (span.reason !== undefined) {
      segment.reason = span.reason;
    }
    segments.push(segment);
  }

  // A goroutine that lived for no time at all still shows, in its last state.
  const last = spans.findLast((span) => span.startNs <= endNs) ?? spans[0];
  if (segments.length === 0 && last !== undefined) {
    const segment: SceneSegment = { startNs: goroutine.createdNs, endNs: Math.max(goroutine.createdNs, endNs), state: last.state };
    if (last.reason !== undefined) {
      segment.reason = last.reason;
    }
    segments.push(segment);
  }
  return segments;
}

/** A link from each shown creator to each child it started, at the child's creation. */
function linksOf(visible: readonly Goroutine[], byId: ReadonlyMap<number, SceneGoroutine>): SceneLink[] {
  const links: SceneLink[] = [];
  for (const goroutine of visible) {
    if (goroutine.parentId === null || goroutine.parentId === goroutine.id) {
      continue;
    }
    const parent = byId.get(goroutine.parentId);
    const child = byId.get(goroutine.id);
    if (parent === undefined || child === undefined) {
      continue;
    }
    links.push({ fromX: parent.x, fromZ: parent.z, toX: child.x, toZ: child.z, atNs: child.createdNs });
  }
  return links;
}

/** One arrow per message between two shown, distinct goroutines. */
function arrowsOf(messages: Iterable<Message>, byId: ReadonlyMap<number, SceneGoroutine>): SceneArrow[] {
  const arrows: SceneArrow[] = [];
  for (const message of messages) {
    const from = byId.get(message.fromId);
    const to = byId.get(message.toId);
    if (from === undefined || to === undefined || from === to) {
      continue;
    }
    const arrow: SceneArrow = {
      fromX: from.x,
      fromZ: from.z,
      toX: to.x,
      toZ: to.z,
      sendNs: message.sendNs,
      receiveNs: Math.max(message.sendNs, message.receiveNs),
      kind: message.kind,
    };
    if (message.value !== undefined) {
      arrow.value = message.value;
    }
    arrows.push(arrow);
  }
  return arrows;
}
