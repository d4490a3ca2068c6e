// Ends every run with one plain line, "Tests: N passed, N failed, N skipped", which CI reads to know that
// tests really ran (vitest's own summary is not in a format it recognises).
import type { Reporter, TestModule } from 'vitest/node';

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') count[state]++;
        if (state === 'failed') failedHere++;
      }
      if (module.state() === 'failed' && failedHere === 0) count.failed++; // a file or hook that failed outside any test
    }
    count.failed += unhandledErrors.length;
    process.stdout.write(
      `\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
    );
  }
}
