import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start a real browser and ffmpeg; a couple of renders can take several seconds on two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
