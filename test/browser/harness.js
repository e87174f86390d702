// What the browser tests share: named checks that record a failure with a screenshot and go on, the palette, the
// notification center, and the closing `N passed, N failed` line CI reads.
const fs = require('fs');
const path = require('path');
const { REPO_ROOT } = require('../editor/editorEnv');

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
// Loading the workbench and starting the language server can take a while on a busy machine; after that the
// editor answers in well under a second.
const STARTUP = { timeout: 90_000 };
const WAIT = { timeout: 20_000 };
const QUICK_INPUT = '.quick-input-widget:not([style*="display: none"]) .quick-input-box input';

/** Checks for one test file; `prefix` names its screenshots (`prefix-name.png`, `prefix-failed-N.png`). */
function createChecks(prefix) {
  const t0 = Date.now();
  const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const results = [];
  let page;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (f.startsWith(`${prefix}-failed-`)) fs.rmSync(path.join(SHOTS, f));

  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`) });
  /** One named check; when `needs` names an earlier check that failed, this one is reported as not run. */
  const check = async (name, fn, { needs } = {}) => {
    const missing = (needs || []).filter((n) => !results.some((r) => r.name === n && r.ok));
    if (missing.length > 0) {
      results.push({ name, ok: false });
      console.log(`${stamp()} FAIL ${name}\n       not run: needs "${missing.join('", "')}"`);
      return false;
    }
    try {
      await fn();
      results.push({ name, ok: true });
      console.log(`${stamp()} ok   ${name}`);
      return true;
    } catch (error) {
      results.push({ name, ok: false, error });
      console.log(`${stamp()} FAIL ${name}\n       ${String(error.message || error).split('\n')[0]}`);
      if (page) await shot(`failed-${results.length}`).catch(() => {});
      return false;
    }
  };
  /** Prints the closing line and returns the exit code. */
  const finish = (what) => {
    const passed = results.filter((r) => r.ok).length;
    // A run that checked nothing is a failure, never a pass.
    const failed = results.length - passed + (results.length === 0 ? 1 : 0);
    console.log(`\n${what} took ${stamp()}; screenshots in ${path.relative(REPO_ROOT, SHOTS)}/${prefix}-*`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  };
  return { check, shot, finish, stamp, setPage: (p) => (page = p) };
}

/**
 * Runs a command from the palette by its title (F1: the browser keeps Ctrl+Shift+P for itself in some setups).
 * Until the extension host has registered the extension, its commands are not in the palette: look again (close,
 * reopen) until `timeout`.
 */
async function runCommand(page, title, { timeout = WAIT.timeout } = {}) {
  // The row Enter runs: the palette's focused (first) row, once the box holds the whole title.
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title });
  await waitUntil(
    async () => {
      const typed = await typeInPalette(page, title);
      if (
        typed &&
        (await row.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        ))
      )
        return true;
      await page.keyboard.press('Escape');
      return false;
    },
    `"${title}" in the palette`,
    timeout,
  );
  await page.keyboard.press('Enter');
}

/**
 * Opens the palette (F1) and types `text` once its box has the focus; true when the box then holds all of it.
 * Keys pressed while a webview has the focus (a details page, the row form) reach the workbench later, so letters
 * typed just after F1 could land before the palette's box had the focus.
 */
async function typeInPalette(page, text) {
  const input = page.locator(QUICK_INPUT);
  await page.keyboard.press('F1');
  await input.waitFor(WAIT);
  await waitUntil(
    () => input.evaluate((box) => box === box.ownerDocument.activeElement),
    'the palette to have the focus',
  );
  await page.keyboard.type(text);
  return (await input.inputValue()) === `>${text}`;
}

/** The palette's rows for `text`, after typing it (the palette stays open; Escape closes it). */
async function paletteRows(page, text) {
  if (!(await typeInPalette(page, text))) throw new Error(`the palette does not hold "${text}"`);
  // The list settles once the typed text has filtered it.
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor(WAIT);
  return page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
}

/** Waits until `predicate()` holds, looking again every 250 ms; `what` names it in the timeout error. */
async function waitUntil(predicate, what, timeoutMs = WAIT.timeout) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

module.exports = { SHOTS, STARTUP, WAIT, QUICK_INPUT, createChecks, runCommand, paletteRows, waitUntil };
