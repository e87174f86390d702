// Shared by the editor-suite runner, the browser test and `npm start`: a real VS Code (code-server, installed by
// scripts/editor-env/setup.sh) on 127.0.0.1 with throw-away user data, and headless Chromium to show it.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '../..');
/**
 * Where scripts/editor-env/setup.sh installs each VS Code: `newest` (the one the tests and `npm start` use) and
 * `oldest` (the minimum `engines.vscode` claims). Both folders can be moved, e.g. to share one install.
 */
const ENV_DIRS = {
  newest: process.env.EDITOR_ENV_DIR || path.join(REPO_ROOT, '.cache', 'editor-env'),
  oldest: process.env.EDITOR_ENV_OLDEST_DIR || path.join(REPO_ROOT, '.cache', 'editor-env-oldest'),
};
const VSCODE_TARGETS = Object.keys(ENV_DIRS);

/** Settings that keep the workbench from opening welcome pages, chat, tips or update checks over the editor. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
};

/**
 * Runs setup.sh for `target` (a no-op taking milliseconds when its stamp is current) and returns the paths it
 * recorded, with `target` and `versions.vscode` filled in for an env.json written before they existed.
 */
function ensureEditorEnv(target = 'newest') {
  if (!VSCODE_TARGETS.includes(target)) throw new Error(`unknown VS Code target ${target}: ${VSCODE_TARGETS}`);
  const setup = path.join(REPO_ROOT, 'scripts', 'editor-env', 'setup.sh');
  const res = spawnSync('bash', [setup, '--vscode', target], {
    stdio: 'inherit',
    env: { ...process.env, EDITOR_ENV_DIR: ENV_DIRS.newest, EDITOR_ENV_OLDEST_DIR: ENV_DIRS.oldest },
  });
  if (res.status !== 0) throw new Error(`${setup} failed (exit ${res.status})`);
  const env = JSON.parse(fs.readFileSync(path.join(ENV_DIRS[target], 'env.json'), 'utf8'));
  // code-server 4.x.y carries VS Code 1.x.y.
  const vscode = env.versions.vscode || env.versions.codeServer.replace(/^4\./, '1.');
  return { target, ...env, versions: { ...env.versions, vscode } };
}

/** Asks the OS for an unused port; the tiny race until code-server binds it is acceptable on a test machine. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/** Variables from an enclosing VS Code (its integrated terminal) would make code-server talk to that window. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

/**
 * Starts code-server with user data, extensions and XDG folders under `dir`.
 * `env` is added to the server's environment, which the remote extension host (and so the tests) inherits.
 * `settings` are written over the quiet defaults into a fresh settings.json, unless `writeSettings` is false
 * (`npm start` keeps the person's own settings and merges its defaults itself).
 * `testDriver` (default on) passes the workbench option that lets the `?payload=` load an extension under
 * development and run tests: it also hides notification toasts and auto-confirms dialogs, so `npm start` turns it
 * off. Resolves once /healthz answers; `stop()` kills the server with its extension host and language server.
 */
async function startCodeServer(
  editorEnv,
  { dir, settings = {}, env = {}, port, host = '127.0.0.1', writeSettings = true, testDriver = true },
) {
  const userData = path.join(dir, 'user-data');
  const settingsFile = path.join(userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  if (writeSettings) fs.writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  port = port || (await freePort());
  const logFile = path.join(dir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const args = [
    editorEnv.codeServerEntry,
    ...['--bind-addr', `${host}:${port}`, '--auth', 'none'],
    ...[
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    ...['--user-data-dir', userData, '--extensions-dir', path.join(dir, 'extensions')],
    // Makes the web workbench honour ?payload=[["extensionDevelopmentPath",…],["extensionTestsPath",…]];
    // code-server rejects --extensionDevelopmentPath on its own command line. code-server 4.17 (VS Code 1.82)
    // has no --vscode-option and honours the payload without it.
    ...(testDriver && editorEnv.target !== 'oldest' ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(editorEnv.node, args, {
    // Own process group, so stop() also reaches the extension host and the language server it forked.
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...cleanEnv(),
      // Otherwise code-server writes a config with a random password into the real home folder.
      XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
      // No extension gallery: the machine is offline, and the workbench would otherwise keep asking open-vsx.org.
      EXTENSIONS_GALLERY: '{}',
      ...env,
    },
  });
  fs.closeSync(log);
  let exited = null;
  // Last resort when the caller dies without stop() (an uncaught error, a closed stdout pipe): a detached
  // code-server would otherwise outlive it, with its extension host and language server.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', killOnExit);
  child.on('exit', (code, signal) => {
    exited = signal || code;
    process.off('exit', killOnExit);
  });

  const stop = async () => {
    if (exited !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  while (!(await healthy(port))) {
    if (exited !== null || Date.now() > deadline) {
      await stop();
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
      throw new Error(`code-server did not come up (exit: ${exited}); ${logFile}:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  /** A path on this machine as the workbench addresses it through the remote connection. */
  const remoteUri = (p) => `vscode-remote://${host}:${port}${path.resolve(p)}`;
  /** The workbench URL opening `folder`, with `payload` pairs such as ['extensionDevelopmentPath', remoteUri(x)]. */
  const url = (folder, payload = []) => {
    let u = `http://${host}:${port}/?folder=${encodeURIComponent(path.resolve(folder))}`;
    if (payload.length > 0) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  };
  return { port, logFile, userData, remoteUri, url, stop, hasExited: () => exited !== null };
}

/** Debian's Chromium, headless, through playwright-core (which has no browser of its own here). */
async function launchChromium(editorEnv, profileDir) {
  const { chromium } = require(editorEnv.playwrightCore);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROME || editorEnv.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      // As root Chromium only starts without its sandbox; the rest keeps it from calling home.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

/** A fresh temp folder; removed by the caller unless it wants to keep it for debugging. */
function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Runs a test runner's `main` and exits with its code. A runner that throws is a failure, and still prints the
 * closing `N passed, N failed` line that CI reads.
 */
function runMain(main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}

module.exports = {
  REPO_ROOT,
  QUIET_SETTINGS,
  ensureEditorEnv,
  startCodeServer,
  launchChromium,
  makeTempDir,
  runMain,
};
