// The VSIX as a user installs it, on the oldest and the newest VS Code the manifest claims: `vsce package` (the
// `npm run package` command), `code-server --install-extension`, then a workbench without the test driver. Its
// minified server checks a file, its details page shows the localised name and the store README, and the
// walkthrough opens with the picture of its "Fix the mistakes" step loaded from the VSIX.
// Screenshots go to artifacts/screenshots/vsix-<target>-*.
// usage: node test/browser/vsix.test.js [newest|oldest ...]      (default: both)
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const {
  REPO_ROOT,
  ensureEditorEnv,
  startCodeServer,
  launchChromium,
  makeTempDir,
  runMain,
} = require('../editor/editorEnv');
const { STARTUP, WAIT, createChecks, runCommand, waitUntil } = require('./harness');

const EXAMPLE = 'with-mistakes.subscribers.csv';
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** `npm run package` into `vsix`, then the development build back into dist/. */
function packageVsix(vsix) {
  const args = manifest.scripts.package.split(' ').slice(1);
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  try {
    execFileSync(process.execPath, [vsce, ...args, '--out', vsix], { cwd: REPO_ROOT, stdio: 'pipe' });
  } finally {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.js')], { cwd: REPO_ROOT, stdio: 'pipe' });
  }
}

/** code-server's own `--install-extension`, into the extensions folder `startCodeServer` will use under `dir`. */
function installVsix(editorEnv, dir, vsix) {
  return execFileSync(
    editorEnv.node,
    [
      editorEnv.codeServerEntry,
      ...['--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', path.join(dir, 'extensions')],
      ...['--install-extension', vsix],
    ],
    {
      encoding: 'utf8',
      stdio: 'pipe',
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
        XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
      },
    },
  );
}

/** The text of the extension's details page README (a webview: frames within frames), or '' until it shows. */
async function detailsReadme(page) {
  for (const frame of page.frames()) {
    const text = await frame
      // eslint-disable-next-line no-undef -- runs in the page
      .evaluate(() => (document.querySelector('h2') ? document.body.innerText : ''))
      .catch(() => '');
    if (text.includes('Use it')) return text;
  }
  return '';
}

async function checkTarget(target, vsix, tmp, { check, shot, setPage }) {
  const editorEnv = ensureEditorEnv(target);
  const version = editorEnv.versions.vscode;
  const dir = path.join(tmp, target);
  const workspace = path.join(dir, 'examples');
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  let server;
  let browser;
  try {
    const installed = `VS Code ${version}: code-server --install-extension takes the VSIX`;
    await check(installed, async () => {
      const output = installVsix(editorEnv, dir, vsix);
      if (!/successfully installed/i.test(output)) throw new Error(output);
    });
    const works = `VS Code ${version}: the installed extension checks ${EXAMPLE}`;
    await check(
      works,
      async () => {
        server = await startCodeServer(editorEnv, { dir, testDriver: false });
        browser = await launchChromium(editorEnv, path.join(dir, 'chromium'));
        setPage(browser.page);
        await browser.page.goto(server.url(workspace));
        await browser.page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: EXAMPLE })
          .first()
          .click(STARTUP);
        await browser.page.waitForSelector('.monaco-editor .squiggly-error', STARTUP);
        await shot(`${target}-1-squiggles`);
      },
      { needs: [installed] },
    );
    await check(
      `VS Code ${version}: its details page shows the localised name and the store README`,
      async () => {
        const { page } = browser;
        // The Extensions view lists what is installed (there is no gallery offline).
        await runCommand(page, 'View: Show Extensions');
        await page.locator('.extensions-viewlet .monaco-list-row', { hasText: nls.displayName }).first().click(WAIT);
        await page.locator('.extension-editor .name', { hasText: nls.displayName }).first().waitFor(WAIT);
        let readme = '';
        await waitUntil(async () => (readme = await detailsReadme(page)) !== '', 'the README in the details page');
        await shot(`${target}-2-details`);
        if (!readme.includes('Run Subscriber CSV: Get Started for a walkthrough')) throw new Error(readme);
        if (readme.includes('npm ci && npm start')) throw new Error('the developer line is on the store page');
      },
      { needs: [works] },
    );
    await check(
      `VS Code ${version}: Subscriber CSV: Get Started opens the walkthrough, its pictures from the VSIX`,
      async () => {
        const { page } = browser;
        await runCommand(page, 'Subscriber CSV: Get Started');
        const container = page.locator('.gettingStartedContainer', { hasText: nls['walkthrough.title'] });
        await container.waitFor(WAIT);
        await container.locator('.getting-started-step', { hasText: nls['walkthrough.fixFile.title'] }).click();
        const picture = container.locator(`img[alt="${nls['walkthrough.fixFile.altText']}"]`);
        await picture.waitFor(WAIT);
        await waitUntil(
          () => picture.evaluate((img) => img.complete && img.naturalWidth > 0),
          'the picture of the step to load',
        );
        await shot(`${target}-3-walkthrough`);
      },
      { needs: [works] },
    );
  } finally {
    if (browser) await browser.context.close().catch(() => {});
    if (server) await server.stop();
  }
}

async function main() {
  const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['newest', 'oldest'];
  const tmp = makeTempDir('subscriber-csv-vsix-');
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  process.stdout.on('error', () => {});
  const checks = createChecks('vsix');
  const vsix = path.join(tmp, `${EXTENSION_ID}.vsix`);
  const packaged = await checks.check('npm run package builds the VSIX', async () => packageVsix(vsix));
  if (packaged) for (const target of targets) await checkTarget(target, vsix, tmp, checks);
  return checks.finish('VSIX browser test');
}

runMain(main);
