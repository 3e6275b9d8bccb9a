import { describe, expect, it } from 'vitest';

import { browserFlags, glFlags, rendererMatches } from '../../src/render/browser-flags.ts';

describe('browserFlags', () => {
  it('asks for SwiftShader explicitly, as Chromium 139+ requires', () => {
    const flags = browserFlags({ backend: 'swiftshader', disableSandbox: false });
    expect(flags).toContain('--enable-unsafe-swiftshader');
    expect(flags).toContain('--use-angle=swiftshader');
    expect(flags).not.toContain('--no-sandbox');
  });

  it('draws through Mesa EGL for llvmpipe and turns the sandbox off only when asked', () => {
    const flags = browserFlags({ backend: 'llvmpipe', disableSandbox: true });
    expect(flags).toEqual(expect.arrayContaining(['--use-gl=angle', '--use-angle=gl-egl', '--no-sandbox']));
  });

  it('keeps the browser off the network and exposes gc()', () => {
    const flags = browserFlags({ backend: 'swiftshader', disableSandbox: false });
    expect(flags).toContain('--disable-background-networking');
    expect(flags).toContain('--js-flags=--expose-gc');
  });

  it('never mixes the flags of two backends', () => {
    expect(glFlags('llvmpipe').some((flag) => flag.includes('swiftshader'))).toBe(false);
  });
});

describe('rendererMatches', () => {
  it('recognises each backend from its WebGL renderer string', () => {
    const mesa = 'ANGLE (Mesa/X.org, llvmpipe (LLVM 15.0.6 256 bits), OpenGL ES 3.2)';
    const swift = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
    expect(rendererMatches('llvmpipe', mesa)).toBe(true);
    expect(rendererMatches('llvmpipe', swift)).toBe(false);
    expect(rendererMatches('swiftshader', swift)).toBe(true);
  });
});
