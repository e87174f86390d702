// Runs the same in-editor suite under @vscode/test-electron, i.e. in a desktop VS Code that it downloads.
// That download needs Microsoft's servers, so this does not work on the offline dev machines (use runner.js
// there); it is for machines that can reach them. On a Linux machine without a display, run it under xvfb-run.
// usage: node test/editor/electron.js
// env: VSCODE_TEST_VERSION (default "stable"), or VSCODE_EXECUTABLE to use an installed VS Code and skip the download
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { REPO_ROOT, QUIET_SETTINGS, makeTempDir, runMain } = require('./editorEnv');
const { build } = require('./build');
const { report } = require('./runner');
const { SANDBOX_ENV, startSandboxProcess, sandboxEnvValue } = require('./sandboxProcess');

async function main() {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js'))) {
    throw new Error('dist/client.js is missing: run `npm run build` first');
  }
  const suiteDir = await build();
  const tmp = makeTempDir('subscriber-csv-electron-');
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  const resultFile = path.join(tmp, 'result.json');
  let runError;
  const sandbox = await startSandboxProcess(tmp); // the import tests' endpoint
  try {
    // Rejects when the suite's run() rejects (any failing test), which is the exit code this runner relies on;
    // the result file then gives the per-test lines.
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(suiteDir, 'index.js'),
      extensionTestsEnv: { SUBSCRIBER_CSV_EDITOR_RESULT: resultFile, [SANDBOX_ENV]: sandboxEnvValue(sandbox) },
      // runTests adds --disable-workspace-trust, --skip-welcome and the like itself.
      launchArgs: [
        workspace,
        ...['--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'extensions')],
        '--disable-extensions', // other installed extensions, not the one under development
      ],
    });
  } catch (error) {
    runError = error;
  } finally {
    await sandbox.stop();
  }
  const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : null;
  fs.rmSync(tmp, { recursive: true, force: true });
  // VS Code dying mid-run, or a rejection with every test passing, still fails the run.
  if (result && !result.finished && !result.error) result.error = 'the suite did not finish';
  if (result && runError && result.failed === 0 && !result.error) result.error = String(runError);
  return report(result, `no result from the editor suite${runError ? `: ${runError}` : ''}`);
}

runMain(main);
