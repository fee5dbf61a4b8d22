import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Building an index embeds passages on the CPU: give those tests room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One worker runs the files one after another without re-importing modules for each, so the model
    // and the seed index in test/support/engines.ts are loaded and built once per run.
    fileParallelism: false,
    isolate: false,
  },
});
