// Mocha's spec reporter plus the closing line CI reads: `tests: N passed, M failed`.
// CommonJS because mocha loads reporters with require().
'use strict';
const Mocha = require('mocha');

class ClosingLineReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      const skipped = pending > 0 ? `, ${pending} skipped` : '';
      // After the spec reporter's epilogue, so it is the last line.
      process.nextTick(() => console.log(`tests: ${passes} passed, ${failures} failed${skipped}`));
    });
  }
}

module.exports = ClosingLineReporter;
