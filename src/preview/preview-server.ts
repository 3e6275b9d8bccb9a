/**
 * The preview's HTTP server: on 127.0.0.1 only, a free port, and nothing
 * but the page, its script and the loaded trace's scene. Requests that name
 * another host (a page elsewhere trying to reach it through DNS tricks) are
 * refused.
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import { ToolError } from '../errors.ts';
import type { PreviewData } from './preview-data.ts';
import { previewHtml } from './preview-html.ts';

const BUNDLE_CANDIDATES = ['./preview.js', '../../dist/preview.js'];

/** A running preview server. */
export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

/** Serves `data` to the preview page on a free port of 127.0.0.1. */
export async function startPreviewServer(data: PreviewData, title: string): Promise<PreviewServer> {
  const bundle = await readFile(findPreviewBundle());
  const sceneJson = JSON.stringify(data);
  const html = previewHtml(title);
  let port = 0;

  const server = createServer((request, response) => {
    respond(request, response, { html, bundle, sceneJson, port });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Absolute path of `preview.js`; throws when the project was not built. */
export function findPreviewBundle(): string {
  for (const candidate of BUNDLE_CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new ToolError('NOT_BUILT', 'the preview bundle dist/preview.js is missing: run npm run build');
}

function respond(request: IncomingMessage, response: ServerResponse, files: { html: string; bundle: Buffer; sceneJson: string; port: number }): void {
  const host = request.headers.host ?? '';
  if (host !== `127.0.0.1:${files.port}` && host !== `localhost:${files.port}`) {
    response.writeHead(403, { 'content-type': 'text/plain' }).end('this preview answers only on 127.0.0.1\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  switch (request.url) {
    case '/':
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(files.html);
      return;
    case '/preview.js':
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(files.bundle);
      return;
    case '/scene.json':
      response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(files.sceneJson);
      return;
    default:
      response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found\n');
  }
}
