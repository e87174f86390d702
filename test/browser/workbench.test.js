// What a person sees: the extension loaded unpacked into a real VS Code workbench (code-server) in headless
// Chromium, driven by mouse and keyboard. Screenshots go to artifacts/screenshots/.
// usage: node test/browser/workbench.test.js        (after `npm run build`; installs the editor env if needed)
/* global document, NodeFilter -- wordRect's callback runs in the page, not in Node */
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
const { columnChecks, writeLongFile } = require('./columnChecks');
const { runCommand, waitUntil } = require('./harness');

const EXAMPLE = 'with-mistakes.subscribers.csv';
const CLEAN_EXAMPLE = 'clean.subscribers.csv';
const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
// Loading the workbench and starting the language server can take a while on a busy machine; after that the
// editor answers in well under a second.
const STARTUP = { timeout: 60_000 };
const WAIT = { timeout: 20_000 };

const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

/** 1-based line:column of the start of `column`'s cell on 0-based `line` of the example (it quotes no commas). */
function cellPosition(text, line, column) {
  const lines = text.split(/\r?\n/);
  const index = lines[0].split(',').indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${EXAMPLE}`);
  const before = lines[line].split(',').slice(0, index).join(',');
  return `${line + 1}:${before.length + (index > 0 ? 2 : 1)}`;
}

/** Puts the cursor at `line:col` with Go to Line, which also scrolls it into view. */
async function goTo(page, lineColumn) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', WAIT);
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', ...WAIT });
}

/** Screen rectangle of `word` on the rendered editor line that starts with `linePrefix`. */
function wordRect(page, linePrefix, word) {
  return page.evaluate(
    ([prefix, target]) => {
      const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')];
      // Monaco renders spaces as U+00A0.
      const line = lines.find((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith(prefix));
      if (!line) return null;
      const at = line.textContent.indexOf(target);
      if (at < 0) return null;
      // Map character offsets to text nodes: the grammar splits a line into one span a cell.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent.length;
        if (at >= offset && at < offset + len) range.setStart(node, at - offset);
        if (at + target.length > offset && at + target.length <= offset + len) {
          range.setEnd(node, at + target.length - offset);
        }
        offset += len;
      }
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    },
    [linePrefix, word],
  );
}

/**
 * Waits until the notification center holds a message with `expected` (under the smoke-test driver the workbench
 * shows no toasts: every notification goes straight to the center, opened from the status bar's bell).
 */
async function waitForNotification(page, expected) {
  const center = page.locator('.notifications-center');
  const message = center.locator('.monaco-list-row', { hasText: expected });
  const deadline = Date.now() + WAIT.timeout;
  // The bell toggles the center; the message may arrive after the first look, so look again until it does.
  while (!(await message.isVisible())) {
    if (Date.now() > deadline) throw new Error(`no "${expected}" in: ${await center.innerText().catch(() => '')}`);
    if (!(await center.isVisible())) await page.locator('#status\\.notifications').click();
    await message.waitFor({ timeout: 1000 }).catch(() => {});
  }
  return center;
}

/** The text of the webview page holding `needle`, once one does (webviews are frames inside frames). */
async function webviewText(page, needle) {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const text = await frame
        .locator('body')
        .innerText({ timeout: 500 })
        .catch(() => '');
      if (text.includes(needle)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows "${needle}"`);
    await page
      .locator('iframe.webview.ready')
      .last()
      .waitFor({ timeout: 1000 })
      .catch(() => {});
  }
}

/** Runs `sql` on the sandbox's SQLite file from this process, as another program sharing the tenant's database. */
function changeSandbox(dbPath, sql) {
  const Database = require('better-sqlite3');
  const db = new Database(dbPath);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Users and locations stored in the sandbox's SQLite file, read directly (read-only) from this process. */
function storedExtensions(dbPath) {
  const Database = require('better-sqlite3');
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT extension FROM subscribers ORDER BY extension').pluck().all();
  } finally {
    db.close();
  }
}

async function main() {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js'))) {
    throw new Error('dist/client.js is missing: run `npm run build` first');
  }
  const editorEnv = ensureEditorEnv();
  const tmp = makeTempDir('subscriber-csv-browser-');
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  const exampleText = fs.readFileSync(path.join(workspace, EXAMPLE), 'utf8');
  writeLongFile(workspace, fs.readFileSync(path.join(workspace, CLEAN_EXAMPLE), 'utf8').split(/\r?\n/)[0]);
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  process.stdout.on('error', () => {}); // a closed pipe (`| head`) must not stop the cleanup
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (f.startsWith('failed-')) fs.rmSync(path.join(SHOTS, f));

  const results = [];
  let server;
  let browser;
  let sandbox;
  try {
    // The import endpoint for the Import button; the endpoint goes into the user settings, as a person sets it.
    sandbox = await startSandboxProcess(tmp);
    server = await startCodeServer(editorEnv, { dir: tmp, settings: { 'subscriberCsv.endpoint': sandbox.endpoint } });
    browser = await launchChromium(editorEnv, path.join(tmp, 'chromium'));
    const { page } = browser;
    const consoleLog = [];
    page.on('console', (msg) => consoleLog.push(`${stamp()} [${msg.type()}] ${msg.text()}`));
    const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

    /**
     * One named check: a failure is recorded with a screenshot, and the next checks still run, except those that
     * need the language server once it has shown no diagnostic at all (each would only wait out its timeout).
     */
    let serverWorks = false;
    const check = async (name, fn, { needsServer = true } = {}) => {
      if (needsServer && !serverWorks) {
        results.push({ name, ok: false });
        console.log(`${stamp()} FAIL ${name}\n       not run: the extension showed no diagnostic`);
        return;
      }
      try {
        await fn();
        results.push({ name, ok: true });
        console.log(`${stamp()} ok   ${name}`);
      } catch (error) {
        results.push({ name, ok: false, error });
        console.log(`${stamp()} FAIL ${name}\n       ${String(error.message || error).split('\n')[0]}`);
        await shot(`failed-${results.length}`).catch(() => {});
      }
    };

    await check(
      'workbench opens with the extension loaded',
      async () => {
        await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)]]));
        await page.waitForSelector('.monaco-workbench', STARTUP);
        await page.waitForSelector('.explorer-folders-view .monaco-list-row', STARTUP);
      },
      { needsServer: false },
    );

    await check(
      `opening ${EXAMPLE} from the explorer shows error squiggles`,
      async () => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: EXAMPLE }).first().click();
        await page.waitForSelector('.monaco-editor .view-lines', WAIT);
        await page.waitForSelector('.monaco-editor .squiggly-error', STARTUP);
        serverWorks = true;
        await shot('01-squiggles');
      },
      { needsServer: false },
    );

    await check('the Problems panel lists the mistakes with their codes', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'misspelt-column' }).first().waitFor(WAIT);
      const texts = await rows.allInnerTexts();
      // Errors come first, in line order; these are the first ones, so they are rendered without scrolling.
      for (const expected of [
        '"Extention" is not an import column',
        'The page asks for digits in MobilePhone',
        'phone-punctuation',
      ]) {
        if (!texts.some((t) => t.includes(expected)))
          throw new Error(`no row with ${expected}: ${JSON.stringify(texts)}`);
      }
      await shot('02-problems');
    });

    await check('hovering a header cell shows the column help', async () => {
      const rect = await wordRect(page, 'Type,', 'LastName');
      if (!rect) throw new Error('header line with LastName not rendered');
      await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: 'the name of a location' });
      await hover.first().waitFor(WAIT);
      const text = (await hover.allInnerTexts()).join('\n');
      if (!/LastName — Last name/.test(text)) throw new Error(`hover text: ${text}`);
      await shot('03-hover-header');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await check('Ctrl+Space in a y/n cell offers y and n with their meanings', async () => {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await goTo(page, cellPosition(exampleText, 1, 'Privacy'));
      await page.keyboard.press('Control+Space');
      const rows = page.locator('.suggest-widget.visible .monaco-list-row');
      await rows.filter({ hasText: 'yes' }).first().waitFor(WAIT);
      const texts = await rows.allInnerTexts();
      const has = (label, meaning) => texts.some((t) => t.split('\n')[0].trim() === label && t.includes(meaning));
      if (!has('y', 'yes') || !has('n', 'no')) {
        throw new Error(`suggestions: ${JSON.stringify(texts)}`);
      }
      await shot('04-completion-yes-no');
      await page.keyboard.press('Escape');
    });

    await columnChecks({
      page,
      check,
      shot,
      goTo,
      runCommand,
      waitUntil,
      cellPosition,
      exampleText,
      example: EXAMPLE,
      WAIT,
    });

    await check(`Preview Import shows beside ${CLEAN_EXAMPLE} what an import would do to each row`, async () => {
      // The token through the extension's own command and its password box.
      await runCommand(page, 'Subscriber CSV: Set API Token');
      await page.waitForSelector('.quick-input-widget input[type="password"]', { state: 'visible', ...WAIT });
      await page.keyboard.type(sandbox.token);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.quick-input-widget', { state: 'hidden', ...WAIT });
      // The tenant data, loaded once more and last by this refresh: the editor knows call profile 3 (International).
      await runCommand(page, 'Subscriber CSV: Refresh Tenant Data');
      await waitForNotification(page, 'Tenant data of Acme Corp loaded');
      await page.keyboard.press('Escape');
      // Meanwhile the tenant retires call profile 3: the file still checks clean here; the endpoint knows better.
      changeSandbox(sandbox.db, "DELETE FROM tenant_list_entries WHERE list = 'callProfiles' AND id = '3'");
      try {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: CLEAN_EXAMPLE }).first().click();
        await page.locator('.tabs-container .tab.active', { hasText: CLEAN_EXAMPLE }).waitFor(WAIT);
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden', ...WAIT });
        await page
          .locator('.editor-group-container.active .editor-actions .action-label.codicon-eye')
          .and(page.getByRole('button', { name: 'Preview Import' }))
          .click(WAIT);
        const view = await webviewText(page, 'Preview: 4 to be created, 0 to be updated, 0 unchanged, 1 to fail');
        for (const expected of [
          `Preview of ${CLEAN_EXAMPLE}`,
          'Rows that would fail (1)',
          "CallProfile: This tenant's data lists no call permission group with ID 3.",
          'Main Lobby, ext 150\tto be created',
          'Board Room, ext 151\twould fail',
        ]) {
          if (!view.includes(expected)) throw new Error(`the summary view lacks "${expected}": ${view}`);
        }
        // The refusal is also an error on its cell in the file.
        await page.locator('.monaco-editor .squiggly-error').first().waitFor(WAIT);
        await shot('13-import-preview');
        // Nothing was imported: the seeded entries only.
        const stored = storedExtensions(sandbox.db).join(',');
        if (stored !== '100,110,111') throw new Error(`the preview wrote to the sandbox: ${stored}`);
      } finally {
        changeSandbox(
          sandbox.db,
          "INSERT INTO tenant_list_entries (list, id, name) VALUES ('callProfiles', '3', 'International')",
        );
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor(WAIT);
        // The import check that follows expects one editor group.
        await runCommand(page, 'View: Close All Editor Groups');
      }
    });

    await check(`the Import button imports ${CLEAN_EXAMPLE} into the sandbox and says so`, async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: CLEAN_EXAMPLE }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: CLEAN_EXAMPLE }).waitFor(WAIT);
      await page
        .locator('.editor-group-container.active .editor-actions .action-label.codicon-cloud-upload')
        .and(page.getByRole('button', { name: 'Import to Tenant' }))
        .click(WAIT);

      // The modal confirmation names the counts, the host and the preview's figures; its Import button uploads.
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor(WAIT);
      const question = await dialog.innerText();
      const host = new URL(sandbox.endpoint).host;
      if (!question.includes(`Import 3 users and 2 locations to ${host}?`))
        throw new Error(`confirmation: ${question}`);
      if (!question.includes("The endpoint's preview: 5 to be created, 0 to be updated, 0 unchanged, 0 to fail."))
        throw new Error(`confirmation without the preview's figures: ${question}`);
      await shot('05-import-confirmation');
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Import$/ }).click(WAIT);
      await dialog.waitFor({ state: 'hidden', ...WAIT });

      // Under the smoke-test driver (which loads the extension) the workbench shows no toasts: every notification
      // goes straight to the notification center, so open it from the status bar's bell.
      const center = await waitForNotification(
        page,
        `Imported ${CLEAN_EXAMPLE} to ${host}: 5 created, 0 updated, 0 failed.`,
      );
      // The upload's progress notification closes when it ends; the screenshot shows the outcome only.
      await center
        .locator('.monaco-list-row', { hasText: `Importing ${CLEAN_EXAMPLE}` })
        .waitFor({ state: 'detached', ...WAIT });
      // The summary view says what happened to each row.
      await webviewText(page, 'Imported: 5 created, 0 updated, 0 failed');
      await shot('06-imported');

      // Seeded 100, 110 and 111, and the five rows of the example.
      const stored = storedExtensions(sandbox.db).join(',');
      if (stored !== '100,101,102,103,110,111,150,151') throw new Error(`sandbox database holds ${stored}`);
    });

    fs.writeFileSync(path.join(SHOTS, 'workbench-console.log'), consoleLog.join('\n') + '\n');
  } finally {
    if (browser) await browser.context.close().catch(() => {});
    if (server) await server.stop();
    if (sandbox) await sandbox.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const failed = results.filter((r) => !r.ok).length;
  console.log(`\nbrowser test took ${stamp()}; screenshots in ${path.relative(REPO_ROOT, SHOTS)}/`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

runMain(main);
