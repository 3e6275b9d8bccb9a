/**
 * The gotrace reader on the six recordings from the original article
 * (tests/fixtures/gotrace/*.data.js, copied unchanged) and on small inputs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TraceFormatError } from '../../src/errors.ts';
import { readGotrace } from '../../src/trace/gotrace/read-gotrace.ts';
import { readTrace } from '../../src/trace/read-trace.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/gotrace/', import.meta.url));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const demo = (name: string): Uint8Array => readFileSync(`${FIXTURES}${name}.data.js`);

// Counted from the files by hand: one goroutine per "create goroutine", one
// message per "send to channel" (every sender and receiver is created in all six).
const COUNTS = [
  { name: 'hello', goroutines: 2, messages: 1 },
  { name: 'pingpong', goroutines: 3, messages: 12 },
  { name: 'pingpong3', goroutines: 4, messages: 23 },
  { name: 'fanin', goroutines: 4, messages: 57 },
  { name: 'primesieve', goroutines: 12, messages: 91 },
  { name: 'workers', goroutines: 38, messages: 50 },
];

describe('readGotrace on the demo recordings', () => {
  it.each(COUNTS)('reads $goroutines goroutines and $messages messages from $name', ({ name, goroutines, messages }) => {
    const model = readTrace(demo(name));
    expect(model.format).toBe('gotrace');
    expect(model.goVersion).toBeNull();
    expect(model.goroutines).toHaveLength(goroutines);
    expect(model.messages).toHaveLength(messages);
  });

  it('reads hello as main receiving 42 from its one child', () => {
    const model = readTrace(demo('hello'));
    expect(model.goroutines.map((g) => [g.id, g.name, g.parentId])).toEqual([
      [1, 'main', null],
      [2, 'go #19', 1],
    ]);
    expect(model.messages.toArray()).toEqual([
      { fromId: 2, toId: 1, sendNs: 311718 - 46750, receiveNs: 311718, kind: 'channel', value: '42', channel: 'ch' },
    ]);
    expect(model.goroutines[1]).toMatchObject({ createdNs: 284866, endedNs: 337988 });
    expect(model.durationNs).toBe(365967);
  });

  it('sorts pingpong’s out-of-order lines by time and numbers players in order of creation', () => {
    const model = readTrace(demo('pingpong'));
    expect(model.goroutines.map((g) => `${g.id} ${g.name}`)).toEqual(['1 main', '2 player #6', '3 player #5']);
    expect(model.messages.at(0)).toMatchObject({ fromId: 1, toId: 2, sendNs: 370863 - 129375, value: '0', channel: 'table' });
    expect(model.messages.toArray().map((m) => m.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('ends every worker of the pool and keeps main alive to the end', () => {
    const model = readTrace(demo('workers'));
    expect(model.goroutines.filter((g) => g.endedNs !== null)).toHaveLength(38);
    expect(model.goroutines.filter((g) => g.name.startsWith('worker'))).toHaveLength(36);
  });
});

describe('readGotrace on small inputs', () => {
  const commands = [
    { t: 50, command: 'send to channel', from: '#1', to: '#7', ch: '#3', value: true, duration: 80 },
    { t: 0, command: 'create goroutine', name: '#1' },
    { t: 10, command: 'create goroutine', name: '#7', parent: '#1', depth: 1 },
    { t: 20, command: 'block goroutine', name: '#7' },
    { t: 40, command: 'unblock goroutine', name: '#7' },
    { t: 60, command: 'sleep goroutine', name: '#7' },
    { t: 70, command: 'unblock goroutine', name: '#99' },
    { t: 80, command: 'send to channel', from: '#7', to: '#99', ch: '#3', value: '1' },
    { t: 90, command: 'stop goroutine', name: '#7' },
  ];

  it('accepts a bare array, `data = [...];` and `var data = ...` with whitespace around', () => {
    const json = JSON.stringify(commands);
    const bare = readTrace(encode(json));
    expect(readTrace(encode(`\n  data = ${json};\n`))).toEqual(bare);
    expect(readTrace(encode(`\uFEFFvar data = ${json} ;  \n\n`))).toEqual(bare);
  });

  it('keeps gotrace’s own #N ids, calls #1 main, and ignores goroutines never created', () => {
    const model = readGotrace(encode(JSON.stringify(commands)));
    expect(model.goroutines.map((g) => [g.id, g.name, g.parentId])).toEqual([
      [1, 'main', null],
      [7, '#7', 1],
    ]);
    expect(model.messages.toArray()).toEqual([{ fromId: 1, toId: 7, sendNs: 0, receiveNs: 50, kind: 'channel', value: 'true', channel: '#3' }]);
  });

  it('turns block, unblock and sleep into spans until the stop', () => {
    const child = readGotrace(encode(JSON.stringify(commands))).goroutines[1]!;
    expect(child.spans.toArray()).toEqual([
      { startNs: 10, state: 'running' },
      { startNs: 20, state: 'blocked', reason: 'other' },
      { startNs: 40, state: 'running' },
      { startNs: 60, state: 'sleeping' },
    ]);
    expect(child.endedNs).toBe(90);
  });

  it('rejects broken JSON and elements without a time', () => {
    expect(() => readTrace(encode('data = [{"t": 1,'))).toThrow(TraceFormatError);
    expect(() => readTrace(encode('[{"command": "create goroutine"}]'))).toThrowErrorMatchingInlineSnapshot(`[TraceFormatError: invalid gotrace recording: element 0 has no numeric "t" (got nothing)]`);
    expect(() => readTrace(encode('[1]'))).toThrowErrorMatchingInlineSnapshot(`[TraceFormatError: invalid gotrace recording: element 0 is not an object]`);
  });
});
