// `npm start`: builds the extension and opens examples/ in a real VS Code with it loaded unpacked.
// Desktop VS Code when `code` is on PATH; otherwise the project's code-server (installed on first use by
// scripts/editor-env/setup.sh) on 127.0.0.1, with the URL to open printed. Ctrl+C stops code-server.
// usage: npm start [-- --web] [-- --port N]          --web: use code-server even when `code` exists
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, ensureEditorEnv, startCodeServer } = require('../test/editor/editorEnv');

const EXAMPLES = path.join(REPO_ROOT, 'examples');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function main() {
  const args = process.argv.slice(2);
  const web = args.includes('--web');
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT) || undefined;

  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.js')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');

  if (!web && onPath('code')) {
    console.log(`Opening ${path.relative(process.cwd(), EXAMPLES) || '.'} in VS Code with the extension loaded.`);
    const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, EXAMPLES], {
      stdio: 'inherit',
    });
    code.on('exit', (status) => process.exit(status ?? 0));
    return;
  }

  const editorEnv = ensureEditorEnv();
  // A kept profile, so layout and open editors survive restarts; it lives with the rest of the editor env.
  const dir = path.join(REPO_ROOT, '.cache', 'editor-env', 'start-profile');
  fs.mkdirSync(dir, { recursive: true });
  const server = await startCodeServer(editorEnv, { dir, port });
  const url = server.url(EXAMPLES, [['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)]]);
  console.log(
    `\ncode-server ${editorEnv.versions.codeServer} is serving examples/ with the extension loaded:\n\n  ${url}\n`,
  );
  console.log('Open that URL in a browser on this machine (forward the port to reach it from elsewhere).');
  console.log(`After changing the code: \`npm run build\`, then "Developer: Reload Window". Ctrl+C stops it.`);
  console.log(`code-server log: ${server.logFile}`);
  const stop = () => server.stop().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Stay alive while code-server runs; exit with it if it dies on its own.
  const watch = setInterval(() => {
    if (server.hasExited()) {
      clearInterval(watch);
      console.error('code-server exited; see its log above');
      process.exit(1);
    }
  }, 1000);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
