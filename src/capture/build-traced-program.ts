/**
 * Building a `package main` with tracing added: `go list` finds the package
 * and its files, a copy of the file declaring `main` defers the stop, and
 * `go build -overlay` compiles the package with the copy and the added hook
 * file in place of the originals. The user's files are never written.
 */

import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { GotraceError, ToolError } from '../errors.ts';
import type { ProgramTarget } from './capture-target.ts';
import { lastLines, runProcess } from './run-process.ts';
import { declaresMain, HOOK_FILE_NAME, hookSource, deferStopInMain } from './trace-hook.ts';

/** What {@link buildTracedProgram} needs. */
export interface BuildOptions {
  goPath: string;
  target: ProgramTarget;
  /** Folder the user ran from; relative targets resolve against it. */
  cwd: string;
  /** A private scratch folder for the overlay and the binary. */
  workDir: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** The package as `go list` describes it. */
interface PackageInfo {
  dir: string;
  name: string;
  files: string[];
}

const ERROR_LINES = 3;

/** Builds the traced program and returns the path of its executable inside `workDir`. */
export async function buildTracedProgram(options: BuildOptions): Promise<string> {
  const { goPath, target, cwd, workDir, env, timeoutMs } = options;
  const what = target.packageArgs.join(' ');

  // 1. Which package, which folder, which files.
  const info = await listPackage(options);
  if (info.name !== 'main') {
    throw new GotraceError('CAPTURE_NOT_MAIN', `${what} is package ${info.name}, not a program (package main); for its tests use: capture -- go test ${what}`, {
      exitCode: 2,
    });
  }

  // 2. The overlay: main with the stop deferred, plus the hook file.
  const replacements: Record<string, string> = {};
  let mainFile: string | undefined;
  for (const file of info.files) {
    const path = join(info.dir, file);
    const source = await readFile(path, 'utf8');
    if (!declaresMain(source)) continue;
    if (mainFile !== undefined) {
      throw new GotraceError('CAPTURE_NO_MAIN', `${what}: both ${mainFile} and ${file} declare func main()`, { exitCode: 2 });
    }
    mainFile = file;
    const copy = join(workDir, `main-${file}`);
    await writeFile(copy, deferStopInMain(source, path));
    replacements[path] = copy;
  }
  if (mainFile === undefined) {
    throw new GotraceError('CAPTURE_NO_MAIN', `${what}: no file declares 'func main() {' at the start of a line`, { exitCode: 2 });
  }
  const hookPath = join(info.dir, HOOK_FILE_NAME);
  const hookCopy = join(workDir, HOOK_FILE_NAME);
  await writeFile(hookCopy, hookSource());
  replacements[hookPath] = hookCopy;
  const overlayPath = join(workDir, 'overlay.json');
  await writeFile(overlayPath, JSON.stringify({ Replace: replacements }));

  // 3. Build. Files named on the command line form the package, so the hook is named too, spelled like them.
  const namedHook = join(dirname(target.packageArgs[0] ?? '.'), HOOK_FILE_NAME);
  const binary = join(workDir, process.platform === 'win32' ? 'program.exe' : 'program');
  const buildArgs = ['build', '-overlay', overlayPath, '-o', binary, ...target.packageArgs, ...(target.files ? [namedHook] : [])];
  const build = await runProcess({ command: goPath, args: buildArgs, cwd, env, timeoutMs, output: 'ignore' });
  if (build.spawnError !== undefined) {
    throw new ToolError('GO_MISSING', `could not run ${goPath}: ${build.spawnError.message}`, { cause: build.spawnError });
  }
  if (build.exitCode !== 0) {
    // Point compiler messages at the user's file, not at the overlay copy that will be gone.
    let reason = build.timedOut ? `took longer than ${timeoutMs / 1000} s` : lastLines(build.stderrTail, ERROR_LINES);
    for (const [original, copy] of Object.entries(replacements)) reason = reason.replaceAll(copy, original);
    throw new GotraceError('CAPTURE_BUILD', `go build ${what} failed: ${reason}`, { exitCode: 2 });
  }
  return binary;
}

async function listPackage(options: BuildOptions): Promise<PackageInfo> {
  const { goPath, target, cwd, env, timeoutMs } = options;
  // One line per package: folder, package name, then its files, separated by tabs.
  const format = '{{.Dir}}\t{{.Name}}{{range .GoFiles}}\t{{.}}{{end}}{{range .CgoFiles}}\t{{.}}{{end}}';
  const list = await runProcess({ command: goPath, args: ['list', '-f', format, ...target.packageArgs], cwd, env, timeoutMs, output: 'keep' });
  if (list.spawnError !== undefined) {
    throw new ToolError('GO_MISSING', `could not run ${goPath}: ${list.spawnError.message}`, { cause: list.spawnError });
  }
  if (list.exitCode !== 0) {
    throw new GotraceError('CAPTURE_BUILD', `cannot load ${target.packageArgs.join(' ')}: ${lastLines(list.stderrTail, ERROR_LINES)}`, { exitCode: 2 });
  }
  const packages = list.stdout.split('\n').filter((line) => line !== '');
  if (packages.length !== 1) {
    throw new GotraceError('CAPTURE_BUILD', `${target.packageArgs.join(' ')} names ${packages.length} packages; capture one program at a time`, { exitCode: 2 });
  }
  const [dir = '', name = '', ...files] = (packages[0] as string).split('\t');
  return { dir, name, files };
}
