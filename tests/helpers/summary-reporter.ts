// Ends a test run with one plain line, "tests: N passed, N failed", that CI reads as the run's result.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
    }
    const failedModules = testModules.filter((module) => module.state() === "failed" && !module.children.size).length;
    process.stdout.write(
      `\ntests: ${counts.passed} passed, ${counts.failed + failedModules} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}\n`,
    );
  }
}
