// Preloaded (`node --require`) into a server or CLI process under test: when the process exits, appends its peak
// resident memory to the file named by HOSTILE_PEAK_FILE, so that a test can hold it to a budget.
//
// On Linux the peak is VmHWM from /proc/self/status, which starts afresh when the process execs. getrusage's
// maxrss does not: a child forked from a large test runner inherits the runner's peak.
const fs = require('node:fs');

function peakKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: fall back to maxrss below.
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.HOSTILE_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, peakKb: peakKb() })}\n`);
  });
}

module.exports = { peakKb };
