// Runs the in-editor suite (test/editor/suite) inside a real VS Code: code-server on 127.0.0.1 plus headless
// Chromium, the extension loaded unpacked from the repo root. The suite reports through a result file and a
// console marker; a run that produces no result is a failure, never a pass.
// usage: node test/editor/runner.js [--vscode newest|oldest] [--grep PATTERN] [--timeout SECONDS] [--keep]
//        --vscode oldest: the minimum VS Code the manifest claims (`engines.vscode`), rather than the newest
const fs = require('fs');
const path = require('path');
const { setInterval, clearInterval } = require('timers');
const { REPO_ROOT, ensureEditorEnv, startCodeServer, launchChromium, makeTempDir, runMain } = require('./editorEnv');
const { build } = require('./build');
const { SANDBOX_ENV, startSandboxProcess, sandboxEnvValue } = require('./sandboxProcess');

const MARKER = '[editor-suite]'; // same as suite/index.ts
const RESULT_PREFIX = `${MARKER} RESULT `;
/** Logs and a failure screenshot, one folder a VS Code target so that both runs of `npm test` keep theirs. */
const artifactsDir = (target) => path.join(REPO_ROOT, 'artifacts', target === 'newest' ? 'editor' : `editor-${target}`);

function parseArgs(argv) {
  const opts = { vscode: 'newest', grep: undefined, timeoutSeconds: 300, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vscode') opts.vscode = argv[++i];
    else if (argv[i] === '--grep') opts.grep = argv[++i];
    else if (argv[i] === '--timeout') opts.timeoutSeconds = Number(argv[++i]) || opts.timeoutSeconds;
    else if (argv[i] === '--keep') opts.keep = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

/**
 * Waits for the suite's final result: the file it writes, or else the marker line it logs. When the run ends any
 * other way (timeout, code-server or the page dying, the suite not loading), returns what the suite wrote so far
 * with `error` saying why, so the tests that did run are still reported.
 */
function waitForResult({ resultFile, page, server, timeoutSeconds }) {
  return new Promise((resolve) => {
    let done = false;
    const readFile = () => {
      try {
        return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      } catch {
        return null; // not written yet
      }
    };
    const finish = (result) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      resolve(result);
    };
    const abort = (error) => {
      const partial = readFile();
      if (partial && partial.finished) return finish(partial);
      finish({ passed: 0, failed: 0, pending: 0, tests: [], ...partial, finished: false, error });
    };
    const poll = setInterval(() => {
      if (readFile()?.finished) finish(readFile());
      else if (server.hasExited()) abort('code-server exited');
    }, 250);
    const timer = setTimeout(() => abort(`the suite did not finish within ${timeoutSeconds}s`), timeoutSeconds * 1000);
    page.on('console', (msg) => {
      const text = msg.text();
      const at = text.indexOf(RESULT_PREFIX);
      if (at >= 0) {
        const logged = JSON.parse(text.slice(at + RESULT_PREFIX.length));
        setTimeout(() => finish(readFile()?.finished ? readFile() : logged), 500);
      } else if (msg.type() === 'error' && text.includes('$extensionTestsExecute')) {
        // The extension host logs a rejected or unloadable suite with this frame: stop now, not at the timeout.
        const firstLines = text
          .replace(/^%c\s*ERR color: \S+ /, '')
          .split('\n')
          .slice(0, 4)
          .join('\n');
        setTimeout(() => abort(`the extension host could not run the suite: ${firstLines}`), 1000);
      }
    });
    page.on('crash', () => abort('the workbench page crashed'));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js'))) {
    throw new Error('dist/client.js is missing: run `npm run build` first');
  }
  const editorEnv = ensureEditorEnv(opts.vscode);
  const ARTIFACTS = artifactsDir(opts.vscode);
  const tmp = makeTempDir('subscriber-csv-editor-');
  // The import tests upload to this endpoint; it starts (~2 s) while the suite compiles.
  const sandboxStarting = startSandboxProcess(tmp);
  sandboxStarting.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const suiteDir = await build();
  fs.rmSync(ARTIFACTS, { recursive: true, force: true }); // no stale failure.png from an earlier run
  // Tests edit documents; a copy keeps the fixtures in the repo clean even if something gets saved.
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
  const resultFile = path.join(tmp, 'result.json');

  let server;
  let browser;
  let sandbox;
  const cleanup = async () => {
    if (browser) await browser.context.close().catch(() => {});
    if (server) await server.stop();
    if (sandbox) await sandbox.stop();
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`kept ${tmp}`);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => cleanup().finally(() => process.exit(130)));
  }
  // Output piped into `head` and the like: a closed pipe must not kill the runner before it cleans up.
  process.stdout.on('error', () => {});
  process.on('exit', () => opts.keep || fs.rmSync(tmp, { recursive: true, force: true }));

  const consoleLog = [];
  let result = null;
  try {
    sandbox = await sandboxStarting;
    console.log(`${stamp()} sandbox endpoint ${sandbox.endpoint}`);
    server = await startCodeServer(editorEnv, {
      dir: tmp,
      env: {
        SUBSCRIBER_CSV_EDITOR_RESULT: resultFile,
        // The extension host inherits code-server's environment, so the suite finds the sandbox here.
        [SANDBOX_ENV]: sandboxEnvValue(sandbox),
        ...(opts.grep ? { SUBSCRIBER_CSV_EDITOR_GREP: opts.grep } : {}),
      },
    });
    console.log(
      `${stamp()} code-server ${editorEnv.versions.codeServer} (VS Code ${editorEnv.versions.vscode}, ` +
        `Node ${editorEnv.versions.node}) on port ${server.port}`,
    );
    browser = await launchChromium(editorEnv, path.join(tmp, 'chromium'));
    const { page } = browser;
    page.on('console', (msg) => {
      const text = msg.text();
      consoleLog.push(`${stamp()} [${msg.type()}] ${text}`);
      // Live progress: one line a test, as the suite logs them (the ext host's console is forwarded here).
      const at = text.indexOf(MARKER);
      if (at >= 0 && !text.includes(RESULT_PREFIX)) {
        console.log(`${stamp()} ${text.slice(at + MARKER.length + 1).split('\n')[0]}`);
      }
    });
    const resultPromise = waitForResult({
      resultFile,
      page,
      server,
      timeoutSeconds: opts.timeoutSeconds,
    });
    await page.goto(
      server.url(workspace, [
        ['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)],
        ['extensionTestsPath', server.remoteUri(path.join(suiteDir, 'index.js'))],
      ]),
    );
    console.log(`${stamp()} workbench loading, waiting up to ${opts.timeoutSeconds}s for the suite`);
    result = await resultPromise;
    if (!result || result.error || result.failed > 0) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'failure.png') }).catch(() => {});
    }
  } finally {
    // The workbench's console holds the extension host's output too; keep it and code-server's log to debug.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'workbench-console.log'), consoleLog.join('\n') + '\n');
    if (server) fs.copyFileSync(server.logFile, path.join(ARTIFACTS, 'code-server.log'));
    if (sandbox) fs.copyFileSync(sandbox.logFile, path.join(ARTIFACTS, 'sandbox.log'));
    await cleanup();
  }
  return report(result, undefined, editorEnv.versions.vscode);
}

/** Prints one line a test and the closing `N passed, N failed`; returns the exit code. */
function report(result, whyMissing, vscodeVersion) {
  console.log('');
  if (!result) {
    console.log(whyMissing);
    console.log('0 passed, 1 failed');
    return 1;
  }
  for (const t of result.tests) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip';
    console.log(`${mark} ${t.title}`);
    if (t.error) console.log(t.error.replace(/^/gm, '       '));
  }
  // A suite that could not load or run counts as one more failure, so the closing line never reads as a pass.
  const failed = result.failed + (result.error ? 1 : 0);
  if (result.error) console.log(`suite error: ${result.error}`);
  console.log(`editor suite run took ${stamp()}${vscodeVersion ? ` on VS Code ${vscodeVersion}` : ''}`);
  console.log(`${result.passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

module.exports = { report };

if (require.main === module) {
  runMain(main);
}
