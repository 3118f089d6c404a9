import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // vitest's default is one file at a time on 2 cores (cores - 1), and most files wait on fake
    // servers and child processes rather than use a core.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Each file re-imported the app (discord.js, telegraf, wink's model) in a fresh module graph:
    // about a third of the run. Tests keep no module state between files: each world has its own
    // data folder, fake servers and ports, and fake timers are restored after each test.
    isolate: false,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
