import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // every result checked against the response schema (production samples a share), spawned servers included
    env: { OUTPUT_CHECK_RATE: '1' },
  },
});
