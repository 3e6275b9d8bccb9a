import { TraceFormatError, UnsupportedVersionError } from '../../errors.ts';

/** Every Go trace starts with `go 1.NN trace`, NUL-padded to this many bytes. */
export const HEADER_BYTES = 16;

/** Trace format versions (the `NN` of `go 1.NN trace`) this reader decodes. */
export const SUPPORTED_VERSIONS: readonly number[] = [22, 23, 25, 26];

/** Old-format versions Go's own reader still accepts; we reject them with a clearer message. */
const OLD_FORMAT_VERSIONS: readonly number[] = [5, 7, 8, 9, 10, 11, 19, 21];

const HEADER_PATTERN = /^go 1\.(\d{1,3}) trace\0*$/;

/** ASCII `go 1.` — enough to recognise a Go trace before reading the version. */
const MAGIC = [0x67, 0x6f, 0x20, 0x31, 0x2e];

/** True when `bytes` begins like a Go execution trace header. */
export function looksLikeGoTrace(bytes: Uint8Array): boolean {
  return MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * Reads the 16-byte header and returns the trace format version's minor
 * number, e.g. `26` for `go 1.26 trace`.
 *
 * Throws {@link UnsupportedVersionError} for old-format (1.5–1.21) and
 * unknown versions, naming the version found and the ones supported, and
 * {@link TraceFormatError} for a damaged header.
 *
 * @example
 * readTraceHeader(new TextEncoder().encode('go 1.26 trace\0\0\0')) // → 26
 */
export function readTraceHeader(bytes: Uint8Array): number {
  if (bytes.length < HEADER_BYTES) {
    throw new TraceFormatError(
      `truncated trace: the file is ${bytes.length} bytes long, shorter than the ${HEADER_BYTES}-byte header`,
      { offset: bytes.length },
    );
  }

  const text = String.fromCharCode(...bytes.subarray(0, HEADER_BYTES));
  const match = HEADER_PATTERN.exec(text);
  if (match === null) {
    throw new TraceFormatError(`invalid Go trace header ${JSON.stringify(text.replace(/\0+$/, ''))}`, {
      offset: 0,
    });
  }

  const version = Number(match[1]);
  if (SUPPORTED_VERSIONS.includes(version)) return version;

  const supported = SUPPORTED_VERSIONS.map((v) => `1.${v}`).join(', ');
  if (OLD_FORMAT_VERSIONS.includes(version)) {
    throw new UnsupportedVersionError(
      `Go trace format 1.${version} is the format of Go 1.21 and older, which is not supported yet; ` +
        `supported formats: ${supported} (Go 1.22 and newer)`,
      { offset: 0 },
    );
  }
  throw new UnsupportedVersionError(
    `unknown Go trace format 1.${version}; supported formats: ${supported} (Go 1.22 and newer)`,
    { offset: 0 },
  );
}
