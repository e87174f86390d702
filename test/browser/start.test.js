// `npm start` as a person uses it, started twice on one kept profile: the extension is installed (not loaded by
// the test driver), so notifications show as toasts; a setting changed in the Settings editor and a setting the
// person wrote by hand (with a comment) are still there after a restart, and so are the open editors; the default
// port, when taken, falls back to the next free one. Screenshots go to artifacts/screenshots/start-*.
// usage: node test/browser/start.test.js        (after `npm run build`; installs the editor env if needed)
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { REPO_ROOT, ensureEditorEnv, launchChromium, makeTempDir, runMain } = require('../editor/editorEnv');
const { STARTUP, WAIT, createChecks, runCommand, waitUntil } = require('./harness');

const EXAMPLE = 'with-mistakes.subscribers.csv';
const ENDPOINT = 'http://127.0.0.1:9/api/v1/tenants/start-test';
const ENDPOINT_INPUT = '.settings-editor input[aria-label="subscriberCsv.endpoint"]';
const HAND_WRITTEN = '{\n  // written by hand, before the first start\n  "editor.fontSize": 15\n}\n';

/** Holds a free port, as another program would hold port 7300; resolves with it and a release function. */
function occupyPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, release: () => server.close() }));
  });
}

/**
 * Runs `npm start`'s script (`--web --no-open`: code-server even where `code` exists, no browser of its own) and
 * resolves once it prints the editor's URL. `stop()` sends Ctrl+C's SIGINT and waits for a clean exit.
 */
function startEditor(env, log) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.js'), '--web', '--no-open'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal || code)));
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      log.push(String(chunk));
      const match = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => reject(new Error(`npm start exited (${code}) before printing a URL:\n${output}`)));
    setTimeout(
      () => reject(new Error(`no URL from npm start within ${STARTUP.timeout} ms:\n${output}`)),
      STARTUP.timeout,
    );
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGINT');
    return exited;
  };
  return { url, stop, output: () => output };
}

async function main() {
  const editorEnv = ensureEditorEnv('newest');
  const tmp = makeTempDir('subscriber-csv-start-');
  const profile = path.join(tmp, 'profile');
  const settingsFile = path.join(profile, 'user-data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, HAND_WRITTEN);
  const readSettings = () => fs.readFileSync(settingsFile, 'utf8');
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  process.stdout.on('error', () => {});

  const { check, shot, finish, setPage } = createChecks('start');
  const blocker = await occupyPort();
  const env = { SUBSCRIBER_CSV_START_PROFILE: profile, SUBSCRIBER_CSV_START_PORT: String(blocker.port) };
  const log = [];
  let editor;
  let browser;
  let firstUrl;
  const openBrowser = async () => {
    browser = await launchChromium(editorEnv, path.join(tmp, 'chromium'));
    setPage(browser.page);
    return browser.page;
  };
  try {
    await check('npm start prints a URL on the next port when the default one is taken', async () => {
      editor = startEditor(env, log);
      firstUrl = await editor.url;
      const port = Number(new URL(firstUrl).port);
      if (port === blocker.port) throw new Error(`served on the taken port ${port}`);
      if (!editor.output().includes(`Port ${blocker.port} is taken, using ${port}`)) {
        throw new Error(`no word about the taken port:\n${editor.output()}`);
      }
    });

    await check(
      'the extension is installed and its notifications show as toasts',
      async () => {
        const page = await openBrowser();
        await page.goto(firstUrl);
        await page.waitForSelector('.monaco-workbench', STARTUP);
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: EXAMPLE }).first().click(STARTUP);
        await page.waitForSelector('.monaco-editor .squiggly-error', STARTUP);
        // No endpoint yet: Set API Token answers with a warning, which the test driver would have hidden.
        await runCommand(page, 'Subscriber CSV: Set API Token');
        await page
          .locator('.notification-toast', { hasText: 'Set the import endpoint (subscriberCsv.endpoint) first' })
          .waitFor(WAIT);
        await shot('1-toast');
      },
      { needs: ['npm start prints a URL on the next port when the default one is taken'] },
    );

    await check(
      'a setting changed in the Settings editor is written next to the hand-written one',
      async () => {
        const page = browser.page;
        // The warning's own button opens the Settings editor on the endpoint, as a person would go there.
        await page.locator('.notification-toast .monaco-button', { hasText: 'Open Settings' }).click(WAIT);
        const input = page.locator(ENDPOINT_INPUT);
        await input.fill(ENDPOINT, WAIT);
        await input.press('Tab');
        await waitUntil(() => readSettings().includes(ENDPOINT), 'the endpoint in settings.json');
        const text = readSettings();
        if (!text.includes('// written by hand') || !/"editor\.fontSize": 15/.test(text)) {
          throw new Error(`hand-written settings lost:\n${text}`);
        }
        await shot('2-setting-changed');
      },
      { needs: ['the extension is installed and its notifications show as toasts'] },
    );

    await check('Ctrl+C stops npm start cleanly', async () => {
      if (browser) await browser.context.close();
      browser = undefined;
      const code = await editor.stop();
      if (code !== 0) throw new Error(`exit ${code}`);
    });

    await check(
      'after a restart the settings, the comment and the open editor are still there',
      async () => {
        editor = startEditor(env, log);
        const url = await editor.url;
        if (url !== firstUrl) throw new Error(`second start on ${url}, first on ${firstUrl}`);
        const text = readSettings();
        for (const kept of ['// written by hand', '"editor.fontSize": 15', ENDPOINT]) {
          if (!text.includes(kept)) throw new Error(`${kept} is gone from settings.json:\n${text}`);
        }
        // The same browser profile, as a person's browser: the workbench finds its open editors again.
        const page = await openBrowser();
        await page.goto(url);
        await page.waitForSelector('.monaco-workbench', STARTUP);
        await page.locator('.tabs-container .tab', { hasText: EXAMPLE }).first().waitFor(STARTUP);
        await runCommand(page, 'Preferences: Open User Settings');
        // The Settings editor opens with its search box focused, holding the last search (kept by the browser).
        await page.locator('.settings-editor').waitFor(WAIT);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('subscriberCsv.endpoint');
        const input = page.locator(ENDPOINT_INPUT);
        await waitUntil(
          async () => (await input.inputValue().catch(() => '')) === ENDPOINT,
          'the endpoint in the Settings editor',
        );
        await shot('3-after-restart');
      },
      { needs: ['a setting changed in the Settings editor is written next to the hand-written one'] },
    );
  } finally {
    if (browser) await browser.context.close().catch(() => {});
    if (editor) await editor.stop();
    blocker.release();
    fs.mkdirSync(path.join(REPO_ROOT, 'artifacts', 'screenshots'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'artifacts', 'screenshots', 'start-output.log'), log.join(''));
    const csLog = path.join(profile, 'code-server.log');
    if (fs.existsSync(csLog))
      fs.copyFileSync(csLog, path.join(REPO_ROOT, 'artifacts', 'screenshots', 'start-code-server.log'));
  }
  return finish('npm start test');
}

runMain(main);
