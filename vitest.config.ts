import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    // Timeouts catch hangs, not slowness (the bench measures speed): CI's two cores run the tests that start
    // processes (scripts, the production install, FerretDB) beside the rest, and 20 s was too tight there.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Fail loudly on an unexpected rejection: an un-awaited promise is the classic bot bug.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
