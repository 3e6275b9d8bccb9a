/**
 * The preview page's HTML and styles: the picture, a bar of controls under
 * it, and the path file being collected. The script is `preview.js`.
 */

/** The whole page; `title` is escaped. */
export function previewHtml(title: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · preview</title>
<style>
  body { margin: 0; font: 14px/1.4 "DejaVu Sans", Arial, sans-serif; color: #ddd; background: #111 !important; }
  #stage { display: flex; justify-content: center; padding: 12px 12px 0; }
  #stage canvas { max-width: calc(100vw - 24px); max-height: calc(100vh - 230px); width: auto !important; height: auto !important; outline: 1px solid #444; cursor: grab; touch-action: none; }
  #bar, #path { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 12px; }
  #time { flex: 1 1 300px; }
  #clock { font-family: "DejaVu Sans Mono", monospace; min-width: 9em; }
  button { font: inherit; padding: 3px 10px; }
  #path-text { flex: 1 1 500px; height: 110px; font: 12px "DejaVu Sans Mono", monospace; background: #1c1c1c; color: #ccc; border: 1px solid #444; }
  #help { color: #999; padding: 0 12px 12px; }
</style></head>
<body>
<div id="stage"></div>
<div id="bar">
  <button id="play" type="button">Play</button>
  <input id="time" type="range" min="0" max="10000" step="1" value="10000" aria-label="trace time">
  <span id="clock"></span>
  <label>fov <input id="fov" type="range" min="10" max="100" step="1" value="40"></label>
  <label><input id="follow-path" type="checkbox"> camera follows path</label>
</div>
<div id="path">
  <button id="add-keyframe" type="button">Add view as keyframe</button>
  <button id="clear-keyframes" type="button">Clear</button>
  <button id="download" type="button">Download camera path</button>
  <button id="copy" type="button">Copy</button>
  <span id="status" role="status"></span>
  <textarea id="path-text" readonly spellcheck="false" aria-label="camera path file"></textarea>
</div>
<div id="help">Drag to turn · right-drag or shift-drag to pan · wheel to zoom · Add a keyframe at each moment, then render with
<code>--camera camera-path.json</code> at the same size.</div>
<script src="/preview.js"></script>
</body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
