// Starts the sandbox import endpoint (sandbox/src, docs/sandbox.md) for the editor tests, as a child process of the
// runner: it is TypeScript run through tsx by the Node that runs the runner (the repo's Node 20, for which
// better-sqlite3 was built), not inside code-server's Node 24. It listens on a free port of 127.0.0.1 and stores into a
// fresh SQLite file in `dir`; its `--json` start-up line gives the endpoint and tokens.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { REPO_ROOT } = require('./editorEnv');

/** The variable that hands the sandbox's details (JSON: endpoint, token, db, …) to the suite in the ext host. */
const SANDBOX_ENV = 'SUBSCRIBER_CSV_SANDBOX';

/**
 * Resolves with `{ url, endpoint, port, token, tokens, db, logFile, stop() }` once the sandbox listens. Its request
 * log goes to `dir/sandbox.log`. `stop()` ends it with SIGTERM so it closes the database.
 */
function startSandboxProcess(dir, { timeoutMs = 30_000 } = {}) {
  const db = path.join(dir, 'sandbox.sqlite');
  const logFile = path.join(dir, 'sandbox.log');
  const log = fs.createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/src/main.ts', '--port', '0', '--db', db, '--json'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let exited = null;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.on('exit', (code, signal) => {
    exited = signal || code;
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  child.stderr.pipe(log, { end: false });

  const stop = async () => {
    process.off('exit', killOnExit);
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(timer);
    }
    log.end();
  };

  return new Promise((resolve, reject) => {
    const fail = (why) => {
      clearTimeout(timer);
      void stop().then(() => {
        const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
        reject(new Error(`the sandbox did not start: ${why}\n${tail}`));
      });
    };
    const timer = setTimeout(() => fail(`no start-up line within ${timeoutMs} ms`), timeoutMs);
    let started = false;
    child.once('exit', (code) => started || fail(`it exited with ${code}`));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (started) {
        log.write(`${line}\n`);
        return;
      }
      // The first line is the JSON one; it holds the tokens, so it never goes to the log.
      started = true;
      clearTimeout(timer);
      try {
        resolve({ ...JSON.parse(line), logFile, stop });
      } catch {
        fail(`unexpected first line: ${line.slice(0, 200)}`);
      }
    });
  });
}

/** What the suite needs, as the value of SANDBOX_ENV. */
function sandboxEnvValue(sandbox) {
  return JSON.stringify({ endpoint: sandbox.endpoint, url: sandbox.url, token: sandbox.token, db: sandbox.db });
}

module.exports = { SANDBOX_ENV, startSandboxProcess, sandboxEnvValue };
