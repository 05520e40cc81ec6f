import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Generous because an embedded PGlite boots slowly on a busy 2-core machine; a test that
    // hangs still fails, it just takes longer to say so.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // PGlite instances are memory-hungry; a few workers are plenty on 2 cores.
    maxWorkers: 2,
  },
});
