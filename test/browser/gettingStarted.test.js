// A newcomer's first steps in a real workbench (code-server, headless Chromium): the Get Started walkthrough, its
// New Subscriber File button, the command with picked columns, and a `.csv` recognised by its header (team.csv, no
// `.subscribers` in its name) that gets the Import button and palette entry and imports into the sandbox.
// Screenshots go to artifacts/screenshots/start-here-*.
// usage: node test/browser/gettingStarted.test.js        (after `npm run build`; installs the editor env if needed)
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
const { startSandboxProcess } = require('../editor/sandboxProcess');
const { STARTUP, WAIT, QUICK_INPUT, createChecks, runCommand, paletteRows, waitUntil } = require('./harness');

const SNIFFED = 'team.csv';
const UNRELATED = 'inventory.csv';
const WALKTHROUGH_TITLE = 'Import subscribers with Subscriber CSV';
const STEP_TITLES = [
  'Set the import endpoint',
  'Set the API token',
  'Open or create a subscriber file',
  'Fix the mistakes',
  'Import to your tenant',
];
const COLUMNS_32 =
  'Type,FirstName,LastName,Email,HomePhone,MobilePhone,Extension,Language,IncomingDID,OutgoingCLID,Privacy,PAI,' +
  'HFAback,Locked,Hold,DirAccess,MaxDevices,Twin,SCR,ODCR,VM,Agent,Dsite,DsiteCLID,NumCallDsite,DsiteZone,CAdmin,' +
  'EAdmin,CallProfile,KeyProfile,PIN,SysPIN';

/** The text of the active editor, line by line as rendered (Monaco renders spaces as U+00A0). */
function editorLines(page) {
  return page
    .locator('.editor-group-container.active .monaco-editor .view-line')
    .allInnerTexts()
    .then((lines) => lines.map((l) => l.replace(/\u00a0/g, ' ')));
}

/**
 * Waits until the file status of the active editor (the language status hover of the status bar) matches
 * `pattern`: opens the hover, reads it, closes it, and looks again until it does.
 */
async function waitForFileStatus(page, pattern) {
  let last = '';
  await waitUntil(
    async () => {
      const hover = page.locator('.monaco-hover:not(.hidden) .hover-language-status');
      if (!(await hover.first().isVisible())) await page.locator('#status\\.languageStatus').click();
      last = await hover
        .first()
        .innerText({ timeout: 2000 })
        .catch(() => '');
      if (pattern.test(last)) return true;
      await page.keyboard.press('Escape');
      return false;
    },
    `the file status to match ${pattern} (last: ${JSON.stringify(last)})`,
  );
  await page.keyboard.press('Escape');
}

async function main() {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js'))) {
    throw new Error('dist/client.js is missing: run `npm run build` first');
  }
  const editorEnv = ensureEditorEnv('newest');
  const tmp = makeTempDir('subscriber-csv-getting-started-');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  // A subscriber file that only its header identifies, and a CSV that is none.
  fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'clean.subscribers.csv'), path.join(workspace, SNIFFED));
  fs.copyFileSync(path.join(__dirname, '..', 'editor', 'workspace', UNRELATED), path.join(workspace, UNRELATED));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  process.stdout.on('error', () => {});

  const { check, shot, finish, setPage } = createChecks('start-here');
  let server;
  let browser;
  let sandbox;
  try {
    sandbox = await startSandboxProcess(tmp);
    server = await startCodeServer(editorEnv, { dir: tmp, settings: { 'subscriberCsv.endpoint': sandbox.endpoint } });
    browser = await launchChromium(editorEnv, path.join(tmp, 'chromium'));
    const { page } = browser;
    setPage(page);

    const opened = 'the workbench opens with the extension loaded';
    await check(opened, async () => {
      await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)]]));
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', STARTUP);
    });

    const walkthrough = 'Subscriber CSV: Get Started opens the walkthrough with its five steps';
    await check(
      walkthrough,
      async () => {
        // The command is in the palette once the extension host has registered the extension: on a busy machine
        // that can take a while after the explorer shows.
        await runCommand(page, 'Subscriber CSV: Get Started', STARTUP);
        const container = page.locator('.gettingStartedContainer', { hasText: WALKTHROUGH_TITLE });
        await container.waitFor(STARTUP);
        const titles = await container.locator('.getting-started-step .step-title').allInnerTexts();
        if (JSON.stringify(titles.map((t) => t.trim())) !== JSON.stringify(STEP_TITLES)) {
          throw new Error(`steps: ${JSON.stringify(titles)}`);
        }
        await shot('1-walkthrough');
      },
      { needs: [opened] },
    );

    const allColumns = "the walkthrough's New Subscriber File button writes all 32 columns and an example of each row";
    await check(
      allColumns,
      async () => {
        const step = page.locator('.getting-started-step', { hasText: STEP_TITLES[2] });
        await step.click();
        await step.locator('.monaco-button', { hasText: 'New Subscriber File' }).click(WAIT);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'All 32 columns' }).click(WAIT);
        await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor(WAIT);
        await waitUntil(async () => (await editorLines(page))[0] === COLUMNS_32, 'the 32-column header');
        const lines = await editorLines(page);
        if (
          !lines[1].startsWith('User,Dana,Reyes,dana.reyes@example.com,') ||
          !lines[2].startsWith('Location,,Front Desk,')
        ) {
          throw new Error(`rows: ${JSON.stringify(lines.slice(1, 3))}`);
        }
        // The language server has looked at it and found nothing wrong.
        await waitForFileStatus(page, /Ready to import[\s\S]*1 user, 1 location/);
        await shot('2-new-file-all-columns');
        // The walkthrough ticks the step off.
        await runCommand(page, 'Subscriber CSV: Get Started');
        await page.locator('.getting-started-step[aria-checked="true"]', { hasText: STEP_TITLES[2] }).waitFor(WAIT);
        await shot('3-walkthrough-step-done');
      },
      { needs: [walkthrough] },
    );

    await check(
      'New Subscriber File with picked columns writes those and the required ones, in the standard order',
      async () => {
        await runCommand(page, 'Subscriber CSV: New Subscriber File');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Choose the columns' }).click(WAIT);
        // Type and LastName come ticked; tick Extension and Email (in the other order).
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Type' }).first().waitFor(WAIT);
        for (const name of ['Extension', 'Email']) {
          await page.locator(QUICK_INPUT).fill(name);
          const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
          await row
            .locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-custom-toggle')
            .first()
            .click(WAIT);
        }
        await shot('4-pick-columns');
        await page.locator(QUICK_INPUT).fill('');
        await page.keyboard.press('Enter');
        await waitUntil(
          async () => (await editorLines(page))[0] === 'Type,LastName,Email,Extension',
          'the header Type,LastName,Email,Extension',
        );
        const lines = await editorLines(page);
        const expected = ['User,Reyes,dana.reyes@example.com,201', 'Location,Front Desk,,200'];
        if (JSON.stringify(lines.slice(1, 3)) !== JSON.stringify(expected)) throw new Error(`rows: ${lines}`);
        await shot('5-new-file-picked-columns');
      },
      { needs: [opened] },
    );

    const button = `${SNIFFED}, recognised by its header, gets the Import button and the palette entry`;
    await check(
      button,
      async () => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SNIFFED }).first().click();
        await page.locator('.tabs-container .tab.active', { hasText: SNIFFED }).waitFor(WAIT);
        await waitForFileStatus(page, /Ready to import[\s\S]*3 users, 2 locations/);
        await page
          .locator('.editor-group-container.active .editor-actions .action-label.codicon-cloud-upload')
          .waitFor(WAIT);
        const rows = await paletteRows(page, 'Subscriber CSV: Import');
        await shot('6-sniffed-csv-palette');
        await page.keyboard.press('Escape');
        if (!rows.some((r) => r.includes('Subscriber CSV: Import to Tenant'))) {
          throw new Error(`palette: ${JSON.stringify(rows)}`);
        }
      },
      { needs: [opened] },
    );

    await check(
      `${UNRELATED}, an unrelated CSV, gets neither`,
      async () => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: UNRELATED }).first().click();
        await page.locator('.tabs-container .tab.active', { hasText: UNRELATED }).waitFor(WAIT);
        // Once the server has judged the file, its status says so; only then is a missing button meaningful.
        await waitForFileStatus(page, /Not a subscriber file/);
        const buttons = await page
          .locator('.editor-group-container.active .editor-actions .action-label.codicon-cloud-upload')
          .count();
        const rows = await paletteRows(page, 'Subscriber CSV: Import');
        await page.keyboard.press('Escape');
        if (buttons !== 0) throw new Error('the Import button is shown');
        if (rows.some((r) => r.includes('Import to Tenant'))) throw new Error(`palette: ${JSON.stringify(rows)}`);
      },
      { needs: [button] },
    );

    await check(
      `the Import button imports ${SNIFFED} into the sandbox`,
      async () => {
        await runCommand(page, 'Subscriber CSV: Set API Token');
        await page.waitForSelector('.quick-input-widget input[type="password"]', { state: 'visible', ...WAIT });
        await page.keyboard.type(sandbox.token);
        await page.keyboard.press('Enter');
        await page.waitForSelector('.quick-input-widget', { state: 'hidden', ...WAIT });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SNIFFED }).first().click();
        await page.locator('.tabs-container .tab.active', { hasText: SNIFFED }).waitFor(WAIT);
        await page
          .locator('.editor-group-container.active .editor-actions .action-label.codicon-cloud-upload')
          .click(WAIT);
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor(WAIT);
        const question = await dialog.innerText();
        if (!question.includes('Import 3 users and 2 locations')) throw new Error(`confirmation: ${question}`);
        await shot('7-sniffed-csv-confirmation');
        await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Import$/ }).click(WAIT);
        await dialog.waitFor({ state: 'hidden', ...WAIT });
        const Database = require('better-sqlite3');
        const stored = () => {
          const db = new Database(sandbox.db, { readonly: true });
          try {
            return db.prepare('SELECT extension FROM subscribers ORDER BY extension').pluck().all();
          } finally {
            db.close();
          }
        };
        // A read while the sandbox opens its file may find it busy: read again until the rows are there.
        const storedSoFar = () => {
          try {
            return stored();
          } catch {
            return [];
          }
        };
        await waitUntil(() => storedSoFar().includes('151'), 'the rows of team.csv in the sandbox database');
        const all = stored().join(',');
        if (all !== '100,101,102,103,110,111,150,151') throw new Error(`sandbox database holds ${all}`);
      },
      { needs: [button] },
    );
  } finally {
    if (browser) await browser.context.close().catch(() => {});
    if (server) await server.stop();
    if (sandbox) await sandbox.stop();
  }
  return finish('getting-started browser test');
}

runMain(main);
