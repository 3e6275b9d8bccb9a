import { TraceFormatError } from '../../errors.ts';

/** Largest value a varint may carry before we treat it as the all-ones "none" sentinel. */
const MAX_EXACT_VALUE = Number.MAX_SAFE_INTEGER;

/** The wire encodes "no thread / no P" as 2^64-1; we decode it to this. */
export const NONE = -1;

/** A LEB128 varint is at most this many bytes for a 64-bit value. */
const MAX_VARINT_BYTES = 10;

/**
 * Thrown when a read runs past the cursor's end. Callers turn it into a
 * message that says what was being read (a batch header, an event, …).
 */
export class EndOfDataError extends Error {
  /** Where the read started. */
  readonly offset: number;

  constructor(offset: number) {
    super(`unexpected end of data at offset ${hex(offset)}`);
    this.offset = offset;
  }
}

/**
 * Reads bytes and unsigned LEB128 varints from a window `[start, end)` of a
 * buffer, keeping file offsets absolute so errors can point into the file.
 * The buffer may hold only part of the file: `base` is the file offset of its
 * first byte, and `start`, `end` and {@link offset} are file offsets.
 *
 * Non-minimal varints are accepted (the runtime pads batch sizes to 10
 * bytes). Values above 2^53 can only be the 2^64-1 sentinel and decode to
 * {@link NONE}.
 *
 * @example
 * new ByteCursor(Uint8Array.of(0xac, 0x02)).readUvarint() // → 300
 */
export class ByteCursor {
  readonly bytes: Uint8Array;
  readonly end: number;
  offset: number;
  private readonly base: number;
  /** Prefix for error messages, e.g. `generation 2: batch at offset 0x1a2c`. */
  private readonly context: string;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length, context = '', base = 0) {
    this.bytes = bytes;
    this.offset = start;
    this.end = end;
    this.base = base;
    this.context = context === '' ? '' : `${context}: `;
  }

  /** Bytes left before the window's end. */
  get remaining(): number {
    return this.end - this.offset;
  }

  /** True when nothing is left. */
  get done(): boolean {
    return this.offset >= this.end;
  }

  /** Reads one byte. */
  readByte(): number {
    if (this.offset >= this.end) throw new EndOfDataError(this.offset);
    return this.bytes[this.offset++ - this.base] as number;
  }

  /** Reads one unsigned varint; the 2^64-1 sentinel becomes {@link NONE}. */
  readUvarint(): number {
    const start = this.offset;
    let value = 0;
    let scale = 1;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      if (this.offset >= this.end) throw new EndOfDataError(start);
      const byte = this.bytes[this.offset++ - this.base] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value > MAX_EXACT_VALUE ? NONE : value;
      scale *= 128;
    }
    const message = `${this.context}varint at offset ${hex(start)} is longer than ${MAX_VARINT_BYTES} bytes`;
    throw new TraceFormatError(message, { offset: start });
  }

  /** Returns a view of the next `length` bytes and moves past them. */
  readBytes(length: number): Uint8Array {
    if (length > this.remaining) throw new EndOfDataError(this.offset);
    const view = this.bytes.subarray(this.offset - this.base, this.offset - this.base + length);
    this.offset += length;
    return view;
  }
}

/** Formats a byte offset the way every parser message prints it: `0x1a2c`. */
export function hex(offset: number): string {
  return `0x${offset.toString(16)}`;
}
