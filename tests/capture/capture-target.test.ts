/**
 * The pure parts of `capture`: reading its operands and adding the deferred
 * stop to a program's main.
 */

import { describe, expect, it } from 'vitest';

import { parseCaptureTarget } from '../../src/capture/capture-target.ts';
import { findGo } from '../../src/capture/find-go.ts';
import { deferStopInMain, hookSource, STOP_FUNCTION, TRACE_FILE_ENV } from '../../src/capture/trace-hook.ts';

describe('parseCaptureTarget', () => {
  it('reads a go test command line after --', () => {
    expect(parseCaptureTarget(['go', 'test', './x', '-run', 'Y'])).toEqual({ kind: 'test', goCommand: 'go', testArgs: ['./x', '-run', 'Y'] });
  });

  it('keeps a go command given as a path', () => {
    expect(parseCaptureTarget(['/opt/go/bin/go', 'test', '.'])).toMatchObject({ kind: 'test', goCommand: '/opt/go/bin/go' });
  });

  it('takes leading .go files as the program and the rest as its arguments', () => {
    expect(parseCaptureTarget(['a.go', 'b.go', '-n', '3'])).toEqual({ kind: 'program', packageArgs: ['a.go', 'b.go'], files: true, programArgs: ['-n', '3'] });
  });

  it('takes a package and its arguments', () => {
    expect(parseCaptureTarget(['./cmd/server', 'x'])).toEqual({ kind: 'program', packageArgs: ['./cmd/server'], files: false, programArgs: ['x'] });
  });

  it('refuses a -trace flag, a test file and go commands other than test', () => {
    expect(() => parseCaptureTarget(['go', 'test', '-trace', 't.out'])).toThrow(/drop '-trace'/);
    expect(() => parseCaptureTarget(['x_test.go'])).toThrow(/capture -- go test/);
    expect(() => parseCaptureTarget(['go', 'run', '.'])).toThrow(/only 'go test'/);
    expect(() => parseCaptureTarget([])).toThrow(/name what to run/);
  });
});

describe('deferStopInMain', () => {
  it('adds the deferred stop on the line of the opening brace, keeping line numbers', () => {
    const source = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(1)\n}\n';
    const changed = deferStopInMain(source, 'main.go');
    expect(changed).toBe(`package main\n\nimport "fmt"\n\nfunc main() { defer ${STOP_FUNCTION}();\n\tfmt.Println(1)\n}\n`);
    expect(changed.split('\n')).toHaveLength(source.split('\n').length);
  });

  it('names the file when there is no func main', () => {
    expect(() => deferStopInMain('package main\n', 'cmd/x.go')).toThrow("cmd/x.go: expected one 'func main() {' at the start of a line, found 0 (run gofmt on the file)");
  });
});

describe('hookSource', () => {
  it('reads the trace file name from the environment and defines the stop function', () => {
    const source = hookSource();
    expect(source).toContain(`Getenv("${TRACE_FILE_ENV}")`);
    expect(source).toContain(`func ${STOP_FUNCTION}()`);
    expect(source).toMatch(/^\/\/ Code generated .* DO NOT EDIT\.$/m);
  });
});

describe('findGo', () => {
  it('says what to install when no go is on the PATH', () => {
    expect(() => findGo(undefined, '/nonexistent')).toThrow(/no Go toolchain found: install Go 1\.22 or newer/);
  });

  it('refuses a --go path that is not a program', () => {
    expect(() => findGo('/nonexistent/go')).toThrow(/--go \/nonexistent\/go: no executable file there/);
  });
});
