/**
 * The flat overlay drawn over the 3D scene: title and subtitle in the top
 * left corner, the time counter in the bottom left, the legend in the
 * bottom right. Each is text drawn once onto a 2D canvas at exactly its
 * size in output pixels and shown through an orthographic camera one unit
 * per pixel, so text stays crisp; only the counter's canvas is redrawn,
 * and only when its text changes.
 */

import { CanvasTexture, LinearFilter, Mesh, MeshBasicMaterial, OrthographicCamera, PlaneGeometry, Scene, SRGBColorSpace } from 'three';
import type { LegendEntry, SceneData } from './contract.ts';
import { formatTraceTime } from './time-counter.ts';

/** Text heights as shares of the output height, and the smallest pixel size each may shrink to so it stays legible. */
const TITLE = { share: 0.05, minPx: 14 };
const SUBTITLE = { share: 0.032, minPx: 11 };
const COUNTER = { share: 0.034, minPx: 11 };
const LEGEND = { share: 0.027, minPx: 10 };
const MARGIN_SHARE = 0.03;

const FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';
const MONO_FONT = '"DejaVu Sans Mono", "Liberation Mono", monospace';

/** The overlay scene and how to bring it up to date for a frame. */
export interface Hud {
  scene: Scene;
  camera: OrthographicCamera;
  /** Brings the time counter to `timeNs`. */
  update(timeNs: number): void;
  dispose(): void;
}

interface Panel {
  canvas: HTMLCanvasElement;
  texture: CanvasTexture;
  mesh: Mesh<PlaneGeometry, MeshBasicMaterial>;
}

/** Builds the overlay; with no title, counter or legend it draws nothing. */
export function buildHud(data: SceneData): Hud {
  const { width, height, theme, overlay } = data;
  const scene = new Scene();
  const camera = new OrthographicCamera(0, width, height, 0, -1, 1);
  const margin = Math.round(height * MARGIN_SHARE);
  const panels: Panel[] = [];
  const add = (canvas: HTMLCanvasElement, left: number, bottom: number): Panel => {
    const panel = createPanel(canvas, Math.round(left), Math.round(bottom));
    scene.add(panel.mesh);
    panels.push(panel);
    return panel;
  };

  // Title and subtitle, top left.
  let top = height - margin;
  for (const [text, size, bold] of [[overlay.title, TITLE, true], [overlay.subtitle, SUBTITLE, false]] as const) {
    if (text !== '') {
      const canvas = textCanvas(text, `${bold ? 'bold ' : ''}${textPx(height, size)}px ${FONT}`, theme.overlayText, theme.background);
      top -= canvas.height;
      add(canvas, margin, top);
    }
  }

  // Legend, bottom right.
  if (overlay.legend.length > 0) {
    const canvas = legendCanvas(overlay.legend, textPx(height, LEGEND), theme.overlayText, theme.background);
    add(canvas, width - margin - canvas.width, margin);
  }

  // Time counter, bottom left; its canvas is as wide as the longest text it will show.
  let shownText = '';
  let counter: Panel | undefined;
  const counterFont = `bold ${textPx(height, COUNTER)}px ${MONO_FONT}`;
  if (overlay.timeCounter) {
    const widest = formatTraceTime(data.durationNs, data.durationNs).replace(/\d/g, '8');
    counter = add(textCanvas(widest, counterFont, theme.overlayText, theme.background), margin, margin);
  }

  return {
    scene,
    camera,
    update(timeNs: number): void {
      const text = formatTraceTime(timeNs, data.durationNs);
      if (counter === undefined || text === shownText) {
        return;
      }
      shownText = text;
      drawText(counter.canvas, text, counterFont, theme.overlayText, theme.background);
      counter.texture.needsUpdate = true;
    },
    dispose(): void {
      for (const panel of panels) {
        panel.texture.dispose();
        panel.mesh.material.dispose();
        panel.mesh.geometry.dispose();
      }
    },
  };
}

/** A plane exactly the canvas's size in pixels with its bottom left corner at (left, bottom). */
function createPanel(canvas: HTMLCanvasElement, left: number, bottom: number): Panel {
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.generateMipmaps = false;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  const material = new MeshBasicMaterial({ map: texture, transparent: true, depthTest: false, depthWrite: false });
  const mesh = new Mesh(new PlaneGeometry(canvas.width, canvas.height), material);
  mesh.position.set(left + canvas.width / 2, bottom + canvas.height / 2, 0);
  return { canvas, texture, mesh };
}

/** A canvas sized to `text` in `font`, with the text drawn on it. */
function textCanvas(text: string, font: string, colour: string, outline: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const context = context2d(canvas);
  context.font = font;
  const fontPx = fontSizePx(font);
  canvas.width = Math.ceil(context.measureText(text).width + fontPx * 0.4);
  canvas.height = Math.ceil(fontPx * 1.35);
  drawText(canvas, text, font, colour, outline);
  return canvas;
}

/** Clears the canvas and draws `text` left-aligned on it, outlined in the background colour. */
function drawText(canvas: HTMLCanvasElement, text: string, font: string, colour: string, outline: string): void {
  const context = context2d(canvas);
  const fontPx = fontSizePx(font);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.font = font;
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = Math.max(2, Math.round(fontPx / 7));
  context.strokeStyle = outline;
  context.fillStyle = colour;
  const x = fontPx * 0.2;
  const y = canvas.height / 2;
  context.strokeText(text, x, y);
  context.fillText(text, x, y);
}

/** The legend: one row per entry, a swatch in the entry's shape and its text. */
function legendCanvas(entries: readonly LegendEntry[], fontPx: number, colour: string, outline: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const context = context2d(canvas);
  const font = `${fontPx}px ${FONT}`;
  context.font = font;
  const rowPx = Math.round(fontPx * 1.45);
  const swatchPx = Math.round(fontPx * 1.6);
  const textWidth = Math.max(...entries.map((entry) => context.measureText(entry.text).width));
  canvas.width = Math.ceil(swatchPx + fontPx * 0.8 + textWidth + fontPx * 0.3);
  canvas.height = rowPx * entries.length;

  context.font = font;
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  entries.forEach((entry, index) => {
    const y = index * rowPx + rowPx / 2;
    context.fillStyle = entry.colour;
    context.strokeStyle = entry.colour;
    if (entry.shape === 'line') {
      context.fillRect(0, y - fontPx * 0.22, swatchPx, fontPx * 0.44);
    } else if (entry.shape === 'arrow') {
      context.fillRect(0, y - fontPx * 0.08, swatchPx - fontPx * 0.5, fontPx * 0.16);
      context.beginPath();
      context.moveTo(swatchPx, y);
      context.lineTo(swatchPx - fontPx * 0.6, y - fontPx * 0.3);
      context.lineTo(swatchPx - fontPx * 0.6, y + fontPx * 0.3);
      context.fill();
    } else {
      context.lineWidth = Math.max(2, fontPx * 0.14);
      context.beginPath();
      context.ellipse(swatchPx / 2, y, swatchPx * 0.3, fontPx * 0.22, 0, 0, 2 * Math.PI);
      context.stroke();
    }
    context.lineWidth = Math.max(2, Math.round(fontPx / 7));
    context.strokeStyle = outline;
    context.fillStyle = colour;
    const x = swatchPx + fontPx * 0.6;
    context.strokeText(entry.text, x, y);
    context.fillText(entry.text, x, y);
  });
  return canvas;
}

function textPx(heightPx: number, size: { share: number; minPx: number }): number {
  return Math.max(size.minPx, Math.round(heightPx * size.share));
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext('2d');
  if (context === null) {
    throw new Error('the page cannot draw text: no 2D canvas context');
  }
  return context;
}

/** The pixel size in a CSS font string such as `bold 24px Sans`. */
function fontSizePx(font: string): number {
  return Number(/(\d+)px/.exec(font)?.[1] ?? 16);
}
