// Preloaded into the measured processes (`node --require`): every second it appends the process's resident
// memory, its peak, heap and event-loop delay to PROBE_FILE, as JSON lines. Benchmark use only.
'use strict';
const { appendFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const { isMainThread } = require('node:worker_threads');

const file = process.env.PROBE_FILE;
// Preloads also run in the module-hooks thread tsx starts; heap and lag are the main thread's business.
if (file && isMainThread) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const timer = setInterval(() => {
    const usage = process.resourceUsage();
    const line = {
      t: Date.now(),
      rssMb: Math.round(process.memoryUsage.rss() / 1048576),
      peakRssMb: Math.round(usage.maxRSS / 1024),
      heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
      heapTotalMb: Math.round(process.memoryUsage().heapTotal / 1048576),
      lagP99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
      lagMaxMs: Math.round(delay.max / 1e5) / 10,
    };
    delay.reset();
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000);
  timer.unref();
}
