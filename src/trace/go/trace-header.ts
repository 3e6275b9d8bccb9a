import { TraceFormatError, UnsupportedVersionError } from '../../errors.ts';

/** Every Go trace starts with `go 1.NN trace`, NUL-padded to this many bytes. */
export const HEADER_BYTES = 16;

/** New-format versions (Go 1.22 and newer), read generation by generation. */
export const NEW_FORMAT_VERSIONS: readonly number[] = [22, 23, 25, 26];

/** Old-format versions (Go 1.11 to 1.21), read whole and converted to the new model. */
export const OLD_FORMAT_VERSIONS: readonly number[] = [11, 19, 21];

/** Every trace format version (the `NN` of `go 1.NN trace`) this reader decodes, oldest first. */
export const SUPPORTED_VERSIONS: readonly number[] = [...OLD_FORMAT_VERSIONS, ...NEW_FORMAT_VERSIONS];

/** Versions Go wrote before 1.11; today's Go reader rejects them too. */
const ANCIENT_VERSIONS: readonly number[] = [5, 7, 8, 9, 10];

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
 * Throws {@link UnsupportedVersionError} for versions before 1.11 and
 * unknown (future) ones, naming the version found and the ones supported,
 * and {@link TraceFormatError} for a damaged header.
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

  const supported = `supported formats: ${SUPPORTED_VERSIONS.map((v) => `1.${v}`).join(', ')} (Go 1.11 and newer)`;
  if (ANCIENT_VERSIONS.includes(version)) {
    throw new UnsupportedVersionError(
      `Go trace format 1.${version} was written by Go 1.10 or older, which no current reader accepts; ${supported}`,
      { offset: 0 },
    );
  }
  throw new UnsupportedVersionError(
    `unknown Go trace format 1.${version}, perhaps from a newer Go than this tool knows; ${supported}`,
    { offset: 0 },
  );
}
