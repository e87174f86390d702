// `npm run test:browser`: runs each browser test file in turn (each starts its own code-server and Chromium) and
// fails when any of them does, after all have run. Each prints its own `N passed, N failed`; this adds the total.
// usage: node test/browser/run.js [name ...]      e.g. `node test/browser/run.js start` for start.test.js only
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.test.js'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.log(`no browser test matches ${wanted.join(' ')}\n0 passed, 1 failed`);
  process.exit(1);
}
/** Runs one file, passing its output through as it comes; resolves with the output and the exit status. */
function runFile(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (status) => resolve({ output, status }));
  });
}

async function main() {
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    console.log(`\n== ${file}`);
    const { output, status } = await runFile(file);
    const counts = /(\d+) passed, (\d+) failed\s*$/.exec(output);
    // A file that died without its closing line counts as one failure, never as nothing.
    passed += counts ? Number(counts[1]) : 0;
    failed += counts ? Number(counts[2]) : 1;
    if (status !== 0 && counts && Number(counts[2]) === 0) failed += 1;
  }
  console.log(`\nbrowser tests: ${files.length} files`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
