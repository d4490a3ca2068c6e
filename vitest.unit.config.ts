// The fast tier: the domain, the use cases on the in-memory fakes, the cards and the edge's dispatch. No
// database and no browser start, so it runs in seconds on a fresh clone (`npm run test:unit`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/contract/memory-stores.test.ts'],
    reporters: ['default'],
    testTimeout: 20_000,
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
