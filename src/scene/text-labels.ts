/**
 * Text in the scene: goroutine names above each line's start and message
 * values beside arrows. Text is drawn once onto 2D canvases, used as sprite
 * textures (sprites always face the camera), and shown or hidden per frame
 * by trace time; nothing is redrawn while rendering.
 */

import { CanvasTexture, Group, SRGBColorSpace, Sprite, SpriteMaterial } from 'three';
import type { SceneData } from './contract.ts';
import { arrowEnds, arrowTimingY } from './arrow-geometry.ts';
import { LABEL_FONT_SHARE, LABEL_GAP, VALUE_LABEL_SCALE, valueText } from './label-metrics.ts';
import { sceneY } from './time-axis.ts';

/** Canvas pixels per label height: sharp enough for 1080p close-ups. */
const TEXTURE_HEIGHT_PX = 72;

/** Drawn above everything else, so labels stay readable. */
const LABEL_RENDER_ORDER = 10;

/** At most this many value labels are drawn; busy traces skip the rest. */
const MAX_VALUE_LABELS = 400;

/** All labels of a scene and a way to show the ones due at a given time. */
export interface TextLabels {
  group: Group;
  /** Shows exactly the labels whose moment has come when "now" is at scene y `nowY`. */
  showAt(nowY: number): void;
  dispose(): void;
}

interface TimedSprite {
  sprite: Sprite;
  /** Scene y at which the label appears. */
  fromY: number;
}

/** Builds every label of the scene, all hidden until {@link TextLabels.showAt} is called. */
export function buildTextLabels(scene: SceneData): TextLabels {
  const group = new Group();
  const timed: TimedSprite[] = [];
  const materials = new Map<string, { material: SpriteMaterial; aspect: number }>();
  const { theme } = scene;

  const materialFor = (text: string, colour: string) => {
    const key = `${colour}\u0000${text}`;
    let entry = materials.get(key);
    if (entry === undefined) {
      entry = createTextMaterial(text, colour, theme.background);
      materials.set(key, entry);
    }
    return entry;
  };

  const place = (text: string, colour: string, height: number, at: [number, number, number], fromY: number) => {
    const { material, aspect } = materialFor(text, colour);
    const sprite = new Sprite(material);
    sprite.center.set(0.5, 0);
    sprite.scale.set(height * aspect, height, 1);
    sprite.position.set(at[0], at[1], at[2]);
    sprite.renderOrder = LABEL_RENDER_ORDER;
    sprite.frustumCulled = false;
    sprite.visible = false;
    group.add(sprite);
    timed.push({ sprite, fromY });
  };

  for (const goroutine of scene.goroutines) {
    if (!goroutine.showLabel || goroutine.label === '') {
      continue;
    }
    const topY = sceneY(scene, goroutine.createdNs);
    const liftUnits = theme.labelSize * (LABEL_GAP + (goroutine.labelLift ?? 0));
    place(goroutine.label, theme.label, theme.labelSize, [goroutine.x, topY + liftUnits, goroutine.z], topY);
  }

  for (const arrow of scene.arrows.slice(0, MAX_VALUE_LABELS)) {
    const text = arrow.value === undefined ? '' : valueText(arrow.value);
    if (text === '') {
      continue;
    }
    const { start, end } = arrowEnds(arrow, scene);
    const middle: [number, number, number] = [(start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + theme.arrowWidth, (start[2] + end[2]) / 2];
    const colour = arrow.kind === 'sync' ? theme.syncArrow : theme.arrow;
    place(text, colour, theme.labelSize * VALUE_LABEL_SCALE, middle, arrowTimingY(arrow, scene).doneY);
  }

  return {
    group,
    showAt(nowY: number): void {
      for (const { sprite, fromY } of timed) {
        sprite.visible = fromY >= nowY;
      }
    },
    dispose(): void {
      for (const { material } of materials.values()) {
        material.map?.dispose();
        material.dispose();
      }
    },
  };
}

/** Draws the text with a thin outline in the background colour and wraps it as a sprite material. */
function createTextMaterial(text: string, colour: string, outline: string): { material: SpriteMaterial; aspect: number } {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (context === null) {
    throw new Error('the page cannot draw text: no 2D canvas context');
  }
  const fontPx = Math.round(TEXTURE_HEIGHT_PX * LABEL_FONT_SHARE);
  const font = `bold ${fontPx}px "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;
  context.font = font;
  const outlinePx = Math.max(2, Math.round(fontPx / 9));
  const width = Math.ceil(context.measureText(text).width) + outlinePx * 2 + 4;
  canvas.width = width;
  canvas.height = TEXTURE_HEIGHT_PX;

  // Setting the size resets the context, so the font is set again.
  context.font = font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = outlinePx;
  context.strokeStyle = outline;
  context.fillStyle = colour;
  const x = width / 2;
  const y = TEXTURE_HEIGHT_PX / 2;
  context.strokeText(text, x, y);
  context.fillText(text, x, y);

  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const material = new SpriteMaterial({ map: texture, transparent: true, depthTest: false, depthWrite: false });
  return { material, aspect: width / TEXTURE_HEIGHT_PX };
}
