// Changing the extension's settings re-validates the files already open, without touching them.
import * as assert from 'assert';
import {
  cellRange,
  formatRange,
  hasCode,
  lacksCode,
  openFixture,
  setSetting,
  summarize,
  waitForDiagnostics,
} from './helpers';

describe('settings', () => {
  afterEach(async () => {
    await setSetting('pinNotification', undefined);
    await setSetting('role', undefined);
  });

  it('PIN notification "email" warns of User rows without an Email in every open file, and back', async () => {
    const clean = await openFixture('clean.subscribers.csv');
    const team = await openFixture('team.subscribers.csv');
    await waitForDiagnostics(clean.uri, (d) => d.length === 0);
    await waitForDiagnostics(team.uri, lacksCode('pin-email-sent'));

    await setSetting('pinNotification', 'email');
    const at = (line: number, column: string) => formatRange(cellRange(clean, line, column));
    const diagnostics = await waitForDiagnostics(clean.uri, hasCode('email-required'));
    assert.deepStrictEqual(
      summarize(diagnostics),
      [
        `pin-email-sent@${at(1, 'SysPIN')}`,
        // Bruno is a User; the Main Lobby (line 3) is a Location, which gets nothing.
        `email-required@${at(2, 'Email')}`,
      ].sort(),
    );
    // The other open file was re-validated too: Ann's row has SysPIN = y and an Email.
    await waitForDiagnostics(team.uri, hasCode('pin-email-sent'));

    await setSetting('pinNotification', undefined);
    await waitForDiagnostics(clean.uri, (d) => d.length === 0);
  });

  it('role "telcoAdmin" stops the telco-only warning on Dsite, and back', async () => {
    const team = await openFixture('team.subscribers.csv');
    const dsite = formatRange(cellRange(team, 2, 'Dsite'));
    const before = await waitForDiagnostics(team.uri, hasCode('telco-only-ignored'));
    assert.ok(summarize(before).includes(`telco-only-ignored@${dsite}`));

    await setSetting('role', 'telcoAdmin');
    await waitForDiagnostics(team.uri, lacksCode('telco-only-ignored'));

    await setSetting('role', undefined);
    await waitForDiagnostics(team.uri, hasCode('telco-only-ignored'));
  });
});
