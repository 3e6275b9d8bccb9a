/**
 * The gallery's `index.html`: one card per rendered scene with its title,
 * the MP4 clip (with the poster shown before it plays), links to the GIF,
 * the poster and the trace's numbers, and the Go source beside it. A single
 * self-contained file: no scripts, no outside requests.
 */

import { formatDurationNs } from '../render/time-spec.ts';
import type { SceneRecord } from './render-scene.ts';

/** A rendered scene and the text of its Go files, for the page. */
export interface PageScene {
  record: SceneRecord;
  /** File name → source text. */
  sources: ReadonlyArray<{ name: string; text: string }>;
}

/**
 * Builds the page. Links are relative (`<name>/<file>`), so the output folder
 * can be moved, uploaded as a CI artifact or served as it is.
 *
 * @example
 * galleryPage([], 'Gallery').includes('<title>Gallery</title>') // → true
 */
export function galleryPage(scenes: readonly PageScene[], title: string): string {
  const cards = scenes.map(card).join('\n');
  const empty = scenes.length === 0 ? '<p class="empty">No scene has been rendered into this folder yet.</p>' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${scenes.length} scene${scenes.length === 1 ? '' : 's'}, each rendered from a real Go execution trace.</p></header>
<main>
${cards}${empty}
</main>
</body>
</html>
`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function card({ record, sources }: PageScene): string {
  const dir = encodeURIComponent(record.name);
  const href = (file: string): string => `${dir}/${encodeURIComponent(file)}`;
  const { trace, video } = record;
  const facts = [
    `${trace.goroutines} goroutine${trace.goroutines === 1 ? '' : 's'}`,
    `${trace.messages} message${trace.messages === 1 ? '' : 's'}`,
    `${formatDurationNs(trace.durationNs)} of trace`,
    trace.goVersion === null ? '' : `Go ${trace.goVersion}`,
  ].filter((fact) => fact !== '');
  const code = sources
    .map((source) => `<details open><summary>${escapeHtml(source.name)}</summary><pre><code>${escapeHtml(source.text)}</code></pre></details>`)
    .join('\n');

  return `<section class="scene" id="${escapeHtml(record.name)}">
<h2><a href="#${escapeHtml(record.name)}">${escapeHtml(record.title)}</a></h2>
${record.description === undefined ? '' : `<p class="description">${escapeHtml(record.description)}</p>`}
<div class="pair">
<figure>
<video src="${href(record.mp4)}" poster="${href(record.poster)}" width="${video.width}" height="${video.height}" controls loop muted playsinline preload="metadata"></video>
<figcaption>${escapeHtml(facts.join(' · '))} — <a href="${href(record.mp4)}">MP4</a> · <a href="${href(record.gif)}">GIF</a> · <a href="${href(record.poster)}">poster</a></figcaption>
</figure>
<div class="source">${code}</div>
</div>
</section>`;
}

const STYLE = `:root { color-scheme: dark; --bg: #14150f; --card: #1d1f17; --text: #e8ebd9; --muted: #9ca08a; --accent: #d4ff00; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, sans-serif; }
header, main { max-width: 1400px; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { margin: 0.5rem 0 0; font-size: 1.8rem; }
header p, .description, figcaption, .empty { color: var(--muted); }
a { color: var(--accent); }
h2 a { color: inherit; text-decoration: none; }
.scene { background: var(--card); border-radius: 8px; padding: 0.5rem 1.25rem 1.25rem; margin: 0 0 1.5rem; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; align-items: start; }
@media (max-width: 900px) { .pair { grid-template-columns: minmax(0, 1fr); } }
figure { margin: 0; }
video { width: 100%; height: auto; background: #000; border-radius: 4px; }
.source { max-height: 480px; overflow: auto; }
summary { color: var(--muted); cursor: pointer; }
pre { margin: 0.25rem 0 0; padding: 0.75rem; background: var(--bg); border-radius: 4px; font-size: 13px; line-height: 1.4; overflow-x: auto; }`;
