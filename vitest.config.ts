import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Building an index embeds passages on the CPU: give those tests room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.isolated.test.ts'],
          // One worker runs the files one after another without re-importing modules for each, so the
          // model and the seed index in test/support/engines.ts are loaded and built once per run.
          fileParallelism: false,
          isolate: false,
        },
      },
      {
        extends: true,
        // Files that mock a module get a module graph of their own.
        test: { name: 'isolated', include: ['test/**/*.isolated.test.ts'], isolate: true },
      },
    ],
  },
});
