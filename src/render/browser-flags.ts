/**
 * Pure builders of Chromium command-line flags.
 */

/**
 * Software GL backends that work without a GPU.
 * - `llvmpipe`: ANGLE on the system's Mesa EGL (needs Mesa's EGL driver,
 *   Debian `libegl-mesa0`); measured about twice as fast as SwiftShader here.
 * - `swiftshader`: ANGLE on SwiftShader, which ships inside Chromium.
 */
export type GlBackend = 'llvmpipe' | 'swiftshader';

/** Backends in the order `auto` tries them: fastest first. */
export const GL_BACKENDS: readonly GlBackend[] = ['llvmpipe', 'swiftshader'];

/** Options that change the flags. */
export interface BrowserFlagOptions {
  backend: GlBackend;
  /** Chromium refuses to start as root unless its sandbox is off. */
  disableSandbox: boolean;
}

/**
 * Flags for a headless, offline, deterministic Chromium drawing WebGL in
 * software, e.g. `browserFlags({ backend: 'swiftshader', disableSandbox: false })`.
 */
export function browserFlags({ backend, disableSandbox }: BrowserFlagOptions): string[] {
  return [
    ...glFlags(backend),
    // Lets the page free uploaded frame blobs: they are not counted by V8 and pile up otherwise.
    '--js-flags=--expose-gc',
    // No update checks, sync, or other traffic: the tool works offline and nothing leaves the machine.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--hide-scrollbars',
    // Small /dev/shm in containers makes Chromium crash; use /tmp instead.
    '--disable-dev-shm-usage',
    '--force-device-scale-factor=1',
    ...(disableSandbox ? ['--no-sandbox'] : []),
  ];
}

/** The GL part of the flags. */
export function glFlags(backend: GlBackend): string[] {
  switch (backend) {
    case 'llvmpipe':
      return ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist'];
    case 'swiftshader':
      // Chromium 139+ only allows SwiftShader for WebGL when asked explicitly.
      return ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
  }
}

/** Whether a WebGL renderer string shows that `backend` is really the one drawing. */
export function rendererMatches(backend: GlBackend, renderer: string): boolean {
  const text = renderer.toLowerCase();
  return backend === 'llvmpipe' ? text.includes('llvmpipe') : text.includes('swiftshader');
}
