// The column features as a person meets them in the workbench, by keyboard: the status bar following the cursor
// across a row, Go to Column (Ctrl+Alt+G), the sticky header of a 200-row file scrolled to row 150, Go to Symbol
// finding a row, the Outline view listing the rows, and the row form changing a value that Undo in the editor
// restores. Run by workbench.test.js with its page and helpers; screenshots go to artifacts/screenshots/ (07-… to
// 12-…).
/* global document -- statusSays' predicate runs in the page, not in Node */
const fs = require('fs');
const path = require('path');

const LONG_FILE = 'long.subscribers.csv';
const LONG_ROWS = 200;

/** A 200-row subscriber file in `folder` with `header`, each row a different person with extension 100 + row. */
function writeLongFile(folder, header) {
  const width = header.split(',').length;
  const rows = [header];
  for (let row = 1; row <= LONG_ROWS; row++) {
    const cells = new Array(width).fill('');
    const set = (name, value) => (cells[header.split(',').indexOf(name)] = value);
    set('Type', 'User');
    set('FirstName', `Person${row}`);
    set('LastName', `Row${row}`);
    set('Extension', String(100 + row));
    set('VM', 'y');
    rows.push(cells.join(','));
  }
  fs.writeFileSync(path.join(folder, LONG_FILE), rows.join('\n') + '\n');
}

/**
 * Resolves when the extension's status bar items say `expected` (a `{ column, row }` subset); fails with what they
 * say. The page re-checks on every animation frame (Playwright's waitForFunction), no fixed sleeps.
 */
async function statusSays(page, expected, timeout) {
  try {
    await page.waitForFunction(
      (wanted) => {
        const texts = [...document.querySelectorAll('.statusbar-item')].map((item) => item.innerText.trim());
        const seen = {
          column: texts.find((text) => / · column \d+ of \d+$|^column \d+ of \d+$/.test(text)) ?? '',
          row: texts.find((text) => /^(row \d+: |header row$)/.test(text)) ?? '',
        };
        return Object.entries(wanted).every(([key, value]) => seen[key] === value);
      },
      expected,
      { timeout },
    );
  } catch (error) {
    const texts = await page.locator('.statusbar-item').allInnerTexts();
    throw new Error(`status bar does not say ${JSON.stringify(expected)}: ${JSON.stringify(texts)} (${error.message})`);
  }
}

async function columnChecks(helpers) {
  const { page, check, shot, goTo, runCommand, waitUntil, cellPosition, exampleText, example, WAIT } = helpers;
  const editorLines = '.editor-group-container.active .monaco-editor .view-lines';

  await check('the status bar names the cursor’s column and row as it moves across a row', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: example }).first().click();
    await page.locator(editorLines).first().click();
    await goTo(page, cellPosition(exampleText, 1, 'Type'));
    await statusSays(page, { column: 'Type · column 1 of 32', row: 'row 1: Ann Lee' }, WAIT.timeout);
    await goTo(page, cellPosition(exampleText, 1, 'LastName'));
    await statusSays(page, { column: 'LastName · column 3 of 32' }, WAIT.timeout);
    await page.keyboard.press('End');
    await statusSays(page, { column: 'SysPIN · column 32 of 32', row: 'row 1: Ann Lee' }, WAIT.timeout);
    await goTo(page, cellPosition(exampleText, 4, 'Extention'));
    await statusSays(page, { column: 'Extention · column 7 of 32', row: 'row 4: Main Lobby' }, WAIT.timeout);
    await shot('07-status-bar');
  });

  await check('Go to Column (Ctrl+Alt+G) lists the columns with their help and moves the cursor', async () => {
    await goTo(page, cellPosition(exampleText, 2, 'Type'));
    await statusSays(page, { row: 'row 2: Bruno Müller' }, WAIT.timeout);
    await page.keyboard.press('Control+Alt+G');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Last name' }).first().waitFor(WAIT);
    await shot('08-go-to-column');
    await page.keyboard.type('SysPIN');
    const pick = rows.filter({ hasText: 'System-generated PIN' }).first();
    await pick.waitFor(WAIT);
    const text = await pick.innerText();
    if (!text.includes('column 32') || !text.includes('System-generated PIN, y or n')) throw new Error(`pick: ${text}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget', { state: 'hidden', ...WAIT });
    await statusSays(page, { column: 'SysPIN · column 32 of 32', row: 'row 2: Bruno Müller' }, WAIT.timeout);
  });

  await check(`the header row stays on screen in a ${LONG_ROWS}-row file scrolled to row 150`, async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: LONG_FILE }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: LONG_FILE }).waitFor(WAIT);
    await page.locator(editorLines).first().click();
    await goTo(page, '151:1');
    await statusSays(page, { row: 'row 150: Person150 Row150, ext 250' }, WAIT.timeout);
    const sticky = page.locator('.editor-group-container.active .sticky-widget', {
      hasText: 'Type,FirstName,LastName',
    });
    await sticky.first().waitFor(WAIT);
    const firstVisible = await page
      .locator(`${editorLines} .view-line`)
      .allInnerTexts()
      .then((lines) => lines.filter((line) => line.includes('Person')).length);
    if (firstVisible === 0) throw new Error('no data rows on screen');
    await shot('09-sticky-header');
  });

  await check('Go to Symbol (Ctrl+Shift+O) finds a row by extension and goes there', async () => {
    await page.keyboard.press('Control+Shift+O');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', WAIT);
    await page.keyboard.type('ext 142');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Person42 Row42, ext 142' }).first().waitFor(WAIT);
    const best = await rows.first().innerText();
    if (!best.includes('Person42 Row42, ext 142')) throw new Error(`first match: ${best}`);
    await shot('10-go-to-symbol');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget', { state: 'hidden', ...WAIT });
    await statusSays(page, { row: 'row 42: Person42 Row42, ext 142' }, WAIT.timeout);
    // The Outline view lists the rows under the header, named by person and extension, with type and row number.
    await page.locator('.pane-header', { hasText: 'Outline' }).click();
    const outline = page.locator('.outline-pane .monaco-list-row');
    await outline
      .filter({ hasText: /Header\s*32 columns · 200 rows/ })
      .first()
      .waitFor(WAIT);
    await outline
      .filter({ hasText: /Person1 Row1, ext 101\s*User · row 1/ })
      .first()
      .waitFor(WAIT);
    await shot('10-outline');
    await page.locator('.pane-header', { hasText: 'Outline' }).click();
  });

  await check('the row form changes a value by keyboard; Undo in the editor restores it', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: example }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: example }).waitFor(WAIT);
    await page.locator(editorLines).first().click();
    await goTo(page, cellPosition(exampleText, 1, 'FirstName'));
    await statusSays(page, { row: 'row 1: Ann Lee' }, WAIT.timeout);
    await runCommand(page, 'Subscriber CSV: Edit Row as Form');
    const form = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const firstName = form.locator('#field-1');
    await firstName.waitFor(WAIT);
    if ((await firstName.inputValue()) !== 'Ann') throw new Error('the form does not show Ann');
    // The row's problems sit beside their fields: the phone number with punctuation, Yes in a y/n column.
    const mobile = form.locator('.field.has-error', { hasText: 'MobilePhone' });
    await mobile.waitFor(WAIT);
    await form.locator('.field.has-error', { hasText: 'not-yes-no' }).waitFor(WAIT);
    // For the picture (docs/images/row-form.png): the bottom panel (Ctrl+J) and the side bar (Ctrl+B) closed.
    await page.keyboard.press('Control+J');
    await page.locator('.part.panel').waitFor({ state: 'hidden', ...WAIT });
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', ...WAIT });
    await mobile.scrollIntoViewIfNeeded();
    await shot('11-row-form');
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor(WAIT);
    // Keyboard only: the panel opens with the focus in it; Tab goes to Type's drop-down, then to FirstName.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await form.locator(':focus').getAttribute('id');
    if (focused !== 'field-1') throw new Error(`Tab focused ${focused}, not FirstName`);
    // Tabbing into a text box selects its text, so typing replaces it. Not Ctrl+A: in a webview VS Code takes that
    // key and sends Select All back to the page later, so it could land after the first typed letter ("nnie").
    await waitUntil(
      () => firstName.evaluate((box) => box.selectionStart === 0 && box.selectionEnd === box.value.length),
      'FirstName selected whole after Tab',
    );
    await page.keyboard.type('Annie');
    await page.keyboard.press('Enter');
    // The text changed: the file is dirty and the form, which reloads from the text, names the row anew.
    await page.locator('.tab.dirty', { hasText: example }).waitFor(WAIT);
    await page.locator('.tab', { hasText: 'Row 1 · Annie Lee' }).waitFor(WAIT);
    await shot('12-row-form-edited');
    // Escape returns to the editor at the field's cell (the status bar, hidden while the form had the focus,
    // is back); Undo there takes the form's edit back.
    await page.keyboard.press('Escape');
    await statusSays(page, { column: 'FirstName · column 2 of 32', row: 'row 1: Annie Lee' }, WAIT.timeout);
    await page.keyboard.press('Control+Z');
    await statusSays(page, { row: 'row 1: Ann Lee' }, WAIT.timeout);
    await page.locator('.tab', { hasText: 'Row 1 · Ann Lee' }).waitFor(WAIT);
    await page.locator('.tab.dirty', { hasText: example }).waitFor({ state: 'detached', ...WAIT });
    if ((await firstName.inputValue()) !== 'Ann') throw new Error('the form does not show Ann again');
  });

  // The import check that follows expects one editor group and no unsaved file (had the check above failed with the
  // file changed, closing it would stop on the Save dialog).
  const dirty = page.locator('.tab.dirty', { hasText: example });
  if ((await dirty.count()) > 0) {
    await dirty.first().click();
    await runCommand(page, 'File: Revert File');
    await dirty.waitFor({ state: 'detached', ...WAIT });
  }
  await runCommand(page, 'View: Close All Editor Groups');
}

module.exports = { columnChecks, writeLongFile };
