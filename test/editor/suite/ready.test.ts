// A root-level hook (outside any describe): mocha runs it once before every test of every file. If the extension
// never gets its language server going, each test would otherwise wait out its own timeout, one after another;
// this stops the whole run at once with one clear failure.
import { openFixture, waitForDiagnostics } from './helpers';

before(async function () {
  this.timeout(90_000);
  const document = await openFixture('team.subscribers.csv');
  try {
    // The first publication also waits for the extension to activate and the server process to start.
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0, { timeoutMs: 60_000 });
  } catch (error) {
    throw new Error(`no diagnostics for team.subscribers.csv, so the extension or its server is not working: ${error}`);
  }
});
