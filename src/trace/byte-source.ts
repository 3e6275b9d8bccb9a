import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Random access to a trace's bytes, so a reader can hold one generation at
 * a time instead of the whole file.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly length: number;
  /** True when reads copy (a file), so a caller reading much should pass a buffer to reuse. */
  readonly copies: boolean;
  /**
   * Bytes `[offset, offset + length)`, clipped to the end. The result may
   * share memory with the source (in memory) or be a copy (a file): into
   * `into` when it is given and long enough, so a reader can reuse one
   * buffer instead of leaving copies for the garbage collector.
   */
  read(offset: number, length: number, into?: Uint8Array): Uint8Array;
}

/** Bytes already in memory; reads are views, never copies. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    length: bytes.length,
    copies: false,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/**
 * An open file read with positioned reads; close it with
 * {@link FileSource.close}. Its length is the file's size when opened.
 *
 * @example
 * const source = openFileSource('trace.out'); try { source.read(0, 16) } finally { source.close() }
 */
export interface FileSource extends ByteSource {
  /** The open file descriptor; another thread of this process may read it with {@link sharedFileSource}. */
  readonly fd: number;
  close(): void;
}

/** Opens `path` for reading; errors are Node's own (`ENOENT`, `EISDIR`, …). */
export function openFileSource(path: string): FileSource {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { ...sharedFileSource(fd, size), fd, close: () => closeSync(fd) };
}

/**
 * Reads a file descriptor opened elsewhere in this process (its owner
 * closes it), as a source `size` bytes long: the same bytes the owner
 * sees, even if the file changes on disk meanwhile.
 */
export function sharedFileSource(fd: number, size: number): ByteSource {
  const readInto = (buffer: Uint8Array, offset: number): Uint8Array => {
    let filled = 0;
    while (filled < buffer.length) {
      const got = readSync(fd, buffer, filled, buffer.length - filled, offset + filled);
      if (got === 0) break;
      filled += got;
    }
    return buffer.subarray(0, filled);
  };
  const wanted = (offset: number, length: number): number => Math.max(0, Math.min(length, size - offset));
  return {
    length: size,
    copies: true,
    read(offset, length, into) {
      const count = wanted(offset, length);
      const buffer = into !== undefined && into.length >= count ? into.subarray(0, count) : new Uint8Array(count);
      return readInto(buffer, offset);
    },
  };
}
