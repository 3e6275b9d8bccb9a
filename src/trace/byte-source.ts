import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Random access to a trace's bytes, so a reader can hold one generation at
 * a time instead of the whole file.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly length: number;
  /**
   * Bytes `[offset, offset + length)`, clipped to the end. The result may
   * share memory with the source (in memory) or be a fresh copy (a file).
   */
  read(offset: number, length: number): Uint8Array;
  /**
   * Like {@link read}, but the result may live in a buffer the next
   * `readShared` call reuses: for reading one large stretch after another
   * without piling up copies that wait for the garbage collector.
   */
  readShared(offset: number, length: number): Uint8Array;
}

/** Bytes already in memory; reads are views, never copies. */
export function memorySource(bytes: Uint8Array): ByteSource {
  const read = (offset: number, length: number): Uint8Array => bytes.subarray(offset, Math.min(bytes.length, offset + length));
  return { length: bytes.length, read, readShared: read };
}

/**
 * An open file read with positioned reads; close it with
 * {@link FileSource.close}. Its length is the file's size when opened.
 *
 * @example
 * const source = openFileSource('trace.out'); try { source.read(0, 16) } finally { source.close() }
 */
export interface FileSource extends ByteSource {
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
  let shared = new Uint8Array(0);
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
    read: (offset, length) => readInto(new Uint8Array(wanted(offset, length)), offset),
    readShared(offset, length) {
      const count = wanted(offset, length);
      if (shared.length < count) shared = new Uint8Array(Math.max(count, shared.length * 1.5));
      return readInto(shared.subarray(0, count), offset);
    },
    close: () => closeSync(fd),
  };
}
