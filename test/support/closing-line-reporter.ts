// Ends every run with one plain line, "Tests: N passed, N failed, N skipped", which CI reads to know that
// tests really ran (vitest's own summary is not in a format it recognises).
import type { Reporter, TestModule } from 'vitest/node';

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') count[state]++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) count.failed++; // a file that failed to load
    }
    count.failed += unhandledErrors.length;
    process.stdout.write(
      `\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
    );
  }
}
