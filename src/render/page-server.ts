/**
 * A tiny HTTP server on 127.0.0.1 that serves the scene page and receives
 * the frames the page posts back as raw RGBA bodies.
 */

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { findSceneBundle } from './scene-bundle.ts';

/** Called with each posted frame; the page waits until it resolves, which gives back-pressure. */
export type FrameHandler = (frameIndex: number, rgba: Buffer) => Promise<void>;

const PAGE_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>gotrace-render</title>' +
  '<style>html,body{margin:0;padding:0;overflow:hidden;background:transparent}canvas{display:block}</style>' +
  '</head><body><script src="/scene.js"></script></body></html>';

const FRAME_PATH = /^\/frame\/(\d+)$/;

/** A running page server. */
export interface PageServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Replaces the handler that receives frames. */
  onFrame(handler: FrameHandler): void;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startPageServer(): Promise<PageServer> {
  const bundle = await readFile(findSceneBundle());
  let handler: FrameHandler = async () => {};

  const server = createServer((request, response) => {
    route(request, response, bundle, handler).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    onFrame(next) {
      handler = next;
    },
    close: () => closeServer(server),
  };
}

async function route(request: IncomingMessage, response: ServerResponse, bundle: Buffer, handler: FrameHandler): Promise<void> {
  const url = request.url ?? '/';
  if (request.method === 'GET' && url === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
    return;
  }
  if (request.method === 'GET' && url === '/scene.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    return;
  }
  const frame = FRAME_PATH.exec(url);
  if (request.method === 'POST' && frame !== null) {
    const body = await readBody(request);
    await handler(Number(frame[1]), body);
    response.writeHead(204).end();
    return;
  }
  response.writeHead(404).end();
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
