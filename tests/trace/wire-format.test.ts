/** The low-level pieces: varints, the event table, the header. */
import { describe, expect, it } from 'vitest';
import { TraceFormatError } from '../../src/errors.ts';
import { ByteCursor, EndOfDataError, NONE } from '../../src/trace/go/byte-cursor.ts';
import { argIndex, EVENT_SPECS, eventSpec, EventType } from '../../src/trace/go/event-table.ts';
import { readTraceHeader, SUPPORTED_VERSIONS } from '../../src/trace/go/trace-header.ts';
import { header, NONE_VARINT, uvarint } from './helpers/trace-writer.ts';

describe('ByteCursor.readUvarint', () => {
  it.each([0, 1, 127, 128, 300, 2 ** 32, 2 ** 53 - 1])('reads %i', (value) => {
    expect(new ByteCursor(Uint8Array.from(uvarint(value))).readUvarint()).toBe(value);
  });

  it('reads the 2^64-1 sentinel as NONE and the padded 10-byte sizes the runtime writes', () => {
    expect(new ByteCursor(Uint8Array.from(NONE_VARINT)).readUvarint()).toBe(NONE);
    const padded = [0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00];
    expect(new ByteCursor(Uint8Array.from(padded)).readUvarint()).toBe(5);
  });

  it('fails at the end of its window and on overlong encodings', () => {
    const cursor = new ByteCursor(Uint8Array.from([0x80, 0x80, 0x01]), 0, 2);
    expect(() => cursor.readUvarint()).toThrow(EndOfDataError);
    const overlong = new ByteCursor(Uint8Array.from(new Array(11).fill(0x80).concat([1])));
    expect(() => overlong.readUvarint()).toThrow(TraceFormatError);
  });

  it('never hands out bytes beyond its window', () => {
    const cursor = new ByteCursor(Uint8Array.from([1, 2, 3, 4]), 1, 3);
    expect(() => cursor.readBytes(3)).toThrow(EndOfDataError);
    expect([...cursor.readBytes(2)]).toEqual([2, 3]);
  });
});

describe('the event table', () => {
  const specs = EVENT_SPECS.filter((spec) => spec !== undefined);

  it('describes every timed event with dt first and at most five arguments', () => {
    for (const spec of specs) {
      expect(spec.args[0], spec.name).toBe('dt');
      expect(spec.args.length, spec.name).toBeLessThanOrEqual(5);
      expect(EVENT_SPECS[spec.type]).toBe(spec);
    }
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
  });

  it('marks string and stack arguments by position after dt', () => {
    const block = eventSpec(EventType.GoBlock, 22)!;
    expect(block.stringArgs).toEqual([0]);
    expect(block.stackArgs).toEqual([1]);
    expect(eventSpec(EventType.GoCreate, 22)!.stackArgs).toEqual([1, 2]);
    expect(eventSpec(44, 22)!.stringArgs).toEqual([1, 2]);
    expect(argIndex(EventType.GoUnblock, 'stack')).toBe(2);
  });

  it('hides events from versions older than the one that added them', () => {
    expect(eventSpec(EventType.GoSwitch, 22)).toBeUndefined();
    expect(eventSpec(EventType.GoSwitch, 23)?.name).toBe('GoSwitch');
    expect(eventSpec(EventType.GoStatusStack, 26)?.args).toEqual(['dt', 'g', 'm', 'gstatus', 'stack']);
    expect(eventSpec(EventType.Frequency, 26)).toBeUndefined();
  });
});

describe('readTraceHeader', () => {
  it.each(SUPPORTED_VERSIONS)('accepts go 1.%i trace', (version) => {
    expect(readTraceHeader(Uint8Array.from(header(version)))).toBe(version);
  });
});
