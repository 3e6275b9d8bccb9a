/**
 * `captureTrace` end to end with a real Go toolchain: a tiny program and a
 * tiny test are run with tracing on, and our reader reads what they wrote.
 */

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { captureTrace } from '../../src/capture/capture-trace.ts';
import { GotraceError } from '../../src/errors.ts';
import { readTrace } from '../../src/trace/read-trace.ts';

const GO = '/opt/go1.26/bin/go';
const env = { ...process.env, GOROOT: '/opt/go1.26', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod' };
const dir = mkdtempSync(join(tmpdir(), 'gotrace-capture-test-'));

const PROGRAM = `package main

import "time"

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(2 * time.Millisecond)
		ch <- 42
	}()
	<-ch
}
`;

const TEST = `package tiny

import "testing"

func TestHandOff(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
	if <-ch != 1 {
		t.Fatal("lost the value")
	}
}
`;

/** The folder's files and their contents, to prove capture never writes there. */
function snapshot(folder: string): Record<string, string> {
  const files = readdirSync(folder).filter((name) => statSync(join(folder, name)).isFile());
  return Object.fromEntries(files.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

describe.skipIf(!existsSync(GO))('captureTrace with Go 1.26', () => {
  const program = join(dir, 'program');
  const tests = join(dir, 'tests');

  beforeAll(() => {
    mkdirSync(program);
    writeFileSync(join(program, 'go.mod'), 'module tiny\n\ngo 1.22\n');
    writeFileSync(join(program, 'main.go'), PROGRAM);
    mkdirSync(tests);
    writeFileSync(join(tests, 'go.mod'), 'module tiny\n\ngo 1.22\n');
    writeFileSync(join(tests, 'tiny_test.go'), TEST);
  });

  it('records a program from its package folder without touching its files', async () => {
    const before = snapshot(program);
    const result = await captureTrace({ operands: ['.'], outputPath: 'out/trace.out', goPath: GO, cwd: program, env, output: 'ignore' });

    expect(snapshot(program)).toEqual(before);
    expect(result).toMatchObject({ outputPath: join(program, 'out', 'trace.out'), goVersion: '1.26' });
    const model = readTrace(readFileSync(result.outputPath));
    const names = model.goroutines.filter((goroutine) => !goroutine.runtime).map((goroutine) => goroutine.name);
    expect(names).toEqual(['main.main', 'main.main.func1']);
    expect(model.messages.toArray().some((message) => message.kind === 'channel')).toBe(true);
    expect(readdirSync(join(program, 'out'))).toEqual(['trace.out']);
  });

  it('records a program named by its .go file', async () => {
    const result = await captureTrace({ operands: ['main.go'], outputPath: join(dir, 'file.out'), goPath: GO, cwd: program, env, output: 'ignore' });
    expect(statSync(result.outputPath).size).toBe(result.bytes);
  });

  it('records a go test run with -trace', async () => {
    const result = await captureTrace({ operands: ['go', 'test', '.', '-run', 'TestHandOff', '-count=1'], outputPath: join(dir, 'test.out'), goPath: GO, cwd: tests, env, output: 'ignore' });
    const model = readTrace(readFileSync(result.outputPath));
    expect(model.goroutines.some((goroutine) => goroutine.name.startsWith('tiny.TestHandOff'))).toBe(true);
  });

  it('reports a failing program in one line and writes nothing', async () => {
    const failing = join(dir, 'failing');
    mkdirSync(failing);
    writeFileSync(join(failing, 'main.go'), 'package main\n\nimport "os"\n\nfunc main() {\n\tprintln("out of cheese")\n\tos.Exit(3)\n}\n');
    const outputPath = join(dir, 'never.out');
    const error = await captureTrace({ operands: ['main.go'], outputPath, goPath: GO, cwd: failing, env, output: 'ignore' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GotraceError);
    expect((error as GotraceError).code).toBe('CAPTURE_FAILED');
    expect((error as GotraceError).message).toBe('main.go exited with status 3: out of cheese; no trace written');
    expect(existsSync(outputPath)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('reports a compile error with exit status 2', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'main.go'), 'package main\n\nfunc main() {\n\tundefinedThing()\n}\n');
    const error = (await captureTrace({ operands: ['main.go'], outputPath: join(dir, 'b.out'), goPath: GO, cwd: broken, env, output: 'ignore' }).catch((caught: unknown) => caught)) as GotraceError;
    expect(error.code).toBe('CAPTURE_BUILD');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^go build main\.go failed: .*undefined: undefinedThing/);
  });
});
