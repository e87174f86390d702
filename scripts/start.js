// `npm start`: builds the extension and opens examples/ in a real VS Code with it loaded, as a user would have it.
// Desktop VS Code when `code` is on PATH (the extension loaded unpacked from the repo); otherwise code-server from
// .cache/ (installed on first use, with progress, by scripts/editor-env/setup.sh) on 127.0.0.1, with a kept profile
// in .cache/start-profile/: your settings, the extension installed by a link, the browser opened where there is one.
// usage: npm start [-- --web] [-- --port N] [-- --no-open]
//   --web: code-server even when `code` exists; --port N: that port only (default 7300, else the next free one);
//   --no-open: print the URL without opening a browser.
// env: SUBSCRIBER_CSV_START_PROFILE moves the kept profile, SUBSCRIBER_CSV_START_PORT the default port (the tests
// use a temporary profile and a port of their own).
const { spawn, spawnSync } = require('child_process');
const path = require('path');
const { REPO_ROOT, QUIET_SETTINGS, ensureEditorEnv, startCodeServer } = require('../test/editor/editorEnv');
const { openBrowser, onPath } = require('./start/browser');
const { DEFAULT_PORT: PORT_7300, choosePort, isFree } = require('./start/port');
const { linkExtension, mergeDefaultSettings } = require('./start/profile');

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const PROFILE = process.env.SUBSCRIBER_CSV_START_PROFILE || path.join(REPO_ROOT, '.cache', 'start-profile');
const DEFAULT_PORT = Number(process.env.SUBSCRIBER_CSV_START_PORT) || PORT_7300;

function parseArgs(argv) {
  const opts = { web: false, port: undefined, open: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--web') opts.web = true;
    else if (argv[i] === '--no-open') opts.open = false;
    else if (argv[i] === '--port') opts.port = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: npm start [-- --web] [-- --port N] [-- --no-open])`);
  }
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) {
    throw new Error('--port takes a port number');
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.js')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');

  if (!opts.web && onPath('code')) {
    console.log(`Opening ${path.relative(process.cwd(), EXAMPLES) || '.'} in VS Code with the extension loaded.`);
    const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, EXAMPLES], {
      stdio: 'inherit',
    });
    code.on('exit', (status) => process.exit(status ?? 0));
    return;
  }

  const editorEnv = ensureEditorEnv('newest');
  const port = opts.port ?? (await choosePort(DEFAULT_PORT));
  if (opts.port !== undefined && !(await isFree(opts.port, '127.0.0.1'))) {
    throw new Error(`port ${opts.port} is taken; choose another with --port N, or leave it out`);
  }
  if (opts.port === undefined && port !== DEFAULT_PORT) {
    console.log(`Port ${DEFAULT_PORT} is taken, using ${port} (the browser keeps open editors per port).`);
  }
  // Our quiet defaults only where you set nothing: what you change in the editor stays changed.
  const added = mergeDefaultSettings(path.join(PROFILE, 'user-data', 'User', 'settings.json'), QUIET_SETTINGS);
  if (added.length > 0) console.log(`Added ${added.length} default settings to the kept profile in ${PROFILE}.`);
  linkExtension(path.join(PROFILE, 'extensions'), REPO_ROOT);

  const server = await startCodeServer(editorEnv, { dir: PROFILE, port, writeSettings: false, testDriver: false });
  const url = server.url(EXAMPLES);
  console.log(
    `\ncode-server ${editorEnv.versions.codeServer} (VS Code ${editorEnv.versions.vscode}) is serving examples/ ` +
      `with the extension installed:\n\n  ${url}\n`,
  );
  if (opts.open && openBrowser(url)) console.log('Opened in your browser.');
  else console.log('Open that URL in a browser on this machine (forward the port to reach it from elsewhere).');
  console.log(`After changing the code: \`npm run build\`, then "Developer: Reload Window". Ctrl+C stops it.`);
  console.log(`Your settings and the code-server log (code-server.log) are kept in ${PROFILE}.`);
  const stop = () => server.stop().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Stay alive while code-server runs; exit with it if it dies on its own.
  const watch = setInterval(() => {
    if (server.hasExited()) {
      clearInterval(watch);
      console.error(`code-server exited; see ${server.logFile}`);
      process.exit(1);
    }
  }, 1000);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
