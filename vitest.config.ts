import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Fail loudly on an unexpected rejection: an un-awaited promise is the classic bot bug.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
