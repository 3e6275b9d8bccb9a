import type { Goroutine, Message, StateSpan, TraceModel } from '../../model.ts';
import { parseGotrace } from './parse-gotrace.ts';
import type { GotraceCommand } from './parse-gotrace.ts';
import { listOf } from '../../compact-list.ts';

export { looksLikeGotrace } from './parse-gotrace.ts';

/** A goroutine while its spans are still being collected. */
interface GotraceGoroutine extends Omit<Goroutine, 'spans'> {
  spanArray: StateSpan[];
}

/** gotrace's own goroutine names: `#` and the runtime's goroutine id. */
const NUMBERED_NAME = /^#(\d+)$/;

/** The name main gets in the demo recordings; it is goroutine 1. */
const MAIN_NAME = 'main';

/**
 * Reads a gotrace recording (the original tool's command array) into the
 * model. Commands are sorted stably by `t`; goroutines get ids in order of
 * creation with `main` as 1, except gotrace's own `#N` names, which keep N.
 * Names are kept as written (`player #5`), `#1` reads as `main`. States:
 * create and unblock → running, block → blocked, sleep → sleeping, stop
 * ends the goroutine. Each `send to channel` becomes a channel message from
 * `t - duration` (at least 0) to `t`, with its value as text and `ch` as the
 * channel. As in the original, commands naming a goroutine that has not been
 * created are ignored.
 *
 * @example
 * readGotrace(bytes).messages[0]
 * // → { fromId: 2, toId: 1, sendNs: 264968, receiveNs: 311718, kind: 'channel', value: '42', channel: 'ch' }
 */
export function readGotrace(bytes: Uint8Array): TraceModel {
  const commands = parseGotrace(bytes).sort((a, b) => a.t - b.t);
  const ids = assignIds(commands);
  const goroutines = new Map<string, GotraceGoroutine>();
  const messages: Message[] = [];
  let durationNs = 0;

  for (const cmd of commands) {
    durationNs = Math.max(durationNs, cmd.t);
    const g = cmd.name === undefined ? undefined : goroutines.get(cmd.name);
    switch (cmd.command) {
      case 'create goroutine':
        if (cmd.name !== undefined && g === undefined) goroutines.set(cmd.name, create(cmd, ids, goroutines));
        break;
      case 'stop goroutine':
        if (g !== undefined && g.endedNs === null) g.endedNs = cmd.t;
        break;
      case 'block goroutine':
        if (g !== undefined) enter(g, { startNs: cmd.t, state: 'blocked', reason: 'other' });
        break;
      case 'sleep goroutine':
        if (g !== undefined) enter(g, { startNs: cmd.t, state: 'sleeping' });
        break;
      case 'unblock goroutine':
        if (g !== undefined) enter(g, { startNs: cmd.t, state: 'running' });
        break;
      case 'send to channel': {
        const from = goroutines.get(cmd.from ?? '');
        const to = goroutines.get(cmd.to ?? '');
        if (from !== undefined && to !== undefined) messages.push(toMessage(cmd, from.id, to.id));
        break;
      }
    }
  }

  return {
    format: 'gotrace',
    goVersion: null,
    durationNs: Math.round(durationNs),
    goroutines: [...goroutines.values()].sort((a, b) => a.id - b.id).map(({ spanArray, ...g }) => ({ ...g, spans: listOf(spanArray) })),
    messages: listOf(messages.sort((a, b) => a.sendNs - b.sendNs)),
  };
}

/** Ids for every created name: `#N` keeps N, `main` gets 1, the rest count up in order of creation. */
function assignIds(commands: readonly GotraceCommand[]): Map<string, number> {
  const ids = new Map<string, number>();
  const created: string[] = [];
  for (const c of commands) if (c.command === 'create goroutine' && c.name !== undefined) created.push(c.name);
  for (const name of created) {
    const match = NUMBERED_NAME.exec(name);
    if (match !== null) ids.set(name, Number(match[1]));
  }
  const taken = new Set(ids.values());
  let next = 1;
  const claim = (name: string): void => {
    if (ids.has(name)) return;
    while (taken.has(next)) next++;
    ids.set(name, next);
    taken.add(next);
  };
  if (created.includes(MAIN_NAME)) claim(MAIN_NAME);
  created.forEach(claim);
  return ids;
}

function create(
  cmd: GotraceCommand,
  ids: ReadonlyMap<string, number>,
  goroutines: ReadonlyMap<string, GotraceGoroutine>,
): GotraceGoroutine {
  const name = cmd.name as string;
  const id = ids.get(name) as number;
  const parentId = cmd.parent === undefined ? null : (goroutines.get(cmd.parent)?.id ?? null);
  return {
    id,
    name: name === '#1' && parentId === null ? MAIN_NAME : name,
    parentId,
    createdNs: cmd.t,
    endedNs: null,
    spanArray: [{ startNs: cmd.t, state: 'running' }],
    runtime: false,
  };
}

function enter(g: GotraceGoroutine, span: StateSpan): void {
  if (g.endedNs !== null) return;
  const last = g.spanArray.at(-1);
  if (last !== undefined && last.state === span.state) return;
  if (last !== undefined && last.startNs === span.startNs) g.spanArray.pop();
  g.spanArray.push(span);
}

function toMessage(cmd: GotraceCommand, fromId: number, toId: number): Message {
  const message: Message = {
    fromId,
    toId,
    sendNs: Math.max(0, cmd.t - (cmd.duration ?? 0)),
    receiveNs: cmd.t,
    kind: 'channel',
  };
  if (cmd.value !== undefined && cmd.value !== null) {
    message.value = typeof cmd.value === 'object' ? JSON.stringify(cmd.value) : String(cmd.value);
  }
  if (cmd.ch !== undefined) message.channel = cmd.ch;
  return message;
}
