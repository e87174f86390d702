import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csv, runCli, workspace } from './cliHarness';

const HELP_HINT = 'Run "subscriber-csv --help" for usage.\n';

const tenant = (json: unknown) => JSON.stringify(json);

describe('settings from flags and the tenant file', () => {
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = workspace({
      'no-email.csv': csv('Type,LastName', 'User,Lee'),
      'telco.csv': csv('Type,LastName,Dsite', 'User,Lee,y'),
      'profile.csv': csv('Type,LastName,CallProfile,Extension', 'User,Lee,7,100'),
      'profiles.json': tenant({
        callProfiles: [
          { id: '1', name: 'Local' },
          { id: '2', name: 'Long distance' },
        ],
      }),
      'full.json': tenant({
        callProfiles: [{ id: 7, name: 'International' }],
        keyProfiles: [{ id: '3', name: 'Reception' }],
        holdAnnouncements: [],
        siteZones: [{ id: '1', name: 'East' }],
        extensionsInUse: ['100', 101],
        pinNotification: 'email-and-display',
        role: 'telcoAdmin',
      }),
      'email.json': tenant({ pinNotification: 'email' }),
      'bom.json': `\uFEFF${tenant({ role: 'telco-admin' })}`,
      'not-json.json': '{"callProfiles": [',
      'array.json': '[]',
      'typo.json': tenant({ callProfile: [] }),
      'bad-list.json': tenant({ keyProfiles: { id: '1' } }),
      'bad-id.json': tenant({ siteZones: [{ id: 'East', name: 'East' }] }),
      'bad-entry.json': tenant({ holdAnnouncements: ['1'] }),
      'bad-name.json': tenant({ callProfiles: [{ id: '1', name: 1 }] }),
      'bad-extension.json': tenant({ extensionsInUse: [true] }),
      'bad-pin.json': tenant({ pinNotification: 'sms' }),
    }));
  });
  after(() => remove());

  const missingEmailColumn =
    'no-email.csv:1:1: error missing-email-column The tenant\'s PIN notification setting is "Email": the page then makes the Email column mandatory, and this header has none.\n' +
    '1 error, 0 warnings in 1 file\n';

  describe('--pin-notification', () => {
    test('none (the default) does not ask for an Email column', () => {
      const run = runCli(['check', 'no-email.csv'], dir);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '0 errors, 0 warnings in 1 file\n');
    });

    test('email makes a missing Email column an error', () => {
      const run = runCli(['check', '--pin-notification', 'email', 'no-email.csv'], dir);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, missingEmailColumn);
    });

    test('email-and-display maps to the library value emailAndDisplay', () => {
      const run = runCli(['check', '--pin-notification=email-and-display', 'no-email.csv'], dir);
      assert.equal(run.code, 1);
      assert.equal(
        run.stdout,
        'no-email.csv:1:1: error missing-email-column The tenant\'s PIN notification setting is "Email and Display": ' +
          'the page then makes the Email column mandatory, and this header has none.\n1 error, 0 warnings in 1 file\n',
      );
    });
  });

  describe('--role', () => {
    test('tenant-admin (the default) warns that a telco-only value is ignored', () => {
      const run = runCli(['check', '--role', 'tenant-admin', 'telco.csv'], dir);
      assert.equal(run.code, 0);
      assert.equal(
        run.stdout,
        'telco.csv:2:10: warning telco-only-ignored Dsite is applied only when a telco admin imports for the tenant; ' +
          'as a tenant admin this value is ignored.\n0 errors, 1 warning in 1 file\n',
      );
    });

    test('telco-admin silences the telco-only warning', () => {
      const run = runCli(['check', '--role', 'telco-admin', 'telco.csv'], dir);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '0 errors, 0 warnings in 1 file\n');
    });
  });

  describe('--tenant', () => {
    test('without a profile list, any CallProfile ID is accepted', () => {
      const run = runCli(['check', 'profile.csv'], dir);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '0 errors, 0 warnings in 1 file\n');
    });

    test('with a profile list, an unknown CallProfile is an error', () => {
      const run = runCli(['check', '--tenant', 'profiles.json', 'profile.csv'], dir);
      assert.equal(run.code, 1);
      assert.equal(
        run.stdout,
        "profile.csv:2:10: error unknown-id This tenant's data lists no call permission group with ID 7. Known: 1 (Local), 2 (Long distance).\n" +
          '1 error, 0 warnings in 1 file\n',
      );
    });

    test('reads numeric IDs, extensions in use, and the PIN notification and role in either spelling', () => {
      const run = runCli(['check', '--tenant', 'full.json', 'profile.csv', 'no-email.csv', 'telco.csv'], dir);
      assert.equal(run.code, 1);
      assert.equal(
        run.stdout,
        'profile.csv:1:1: error missing-email-column The tenant\'s PIN notification setting is "Email and Display": ' +
          'the page then makes the Email column mandatory, and this header has none.\n' +
          'profile.csv:2:12: error extension-in-use Extension 100 is already in use on this tenant, as its tenant data lists it.\n' +
          'no-email.csv:1:1: error missing-email-column The tenant\'s PIN notification setting is "Email and Display": ' +
          'the page then makes the Email column mandatory, and this header has none.\n' +
          'telco.csv:1:1: error missing-email-column The tenant\'s PIN notification setting is "Email and Display": ' +
          'the page then makes the Email column mandatory, and this header has none.\n' +
          '4 errors, 0 warnings in 3 files\n',
      );
    });

    test('flags win over the tenant file', () => {
      const withFile = runCli(['check', '--tenant', 'email.json', 'no-email.csv'], dir);
      assert.equal(withFile.stdout, missingEmailColumn);
      const withFlag = runCli(['check', '--tenant', 'email.json', '--pin-notification', 'none', 'no-email.csv'], dir);
      assert.equal(withFlag.code, 0);
      assert.equal(withFlag.stdout, '0 errors, 0 warnings in 1 file\n');
    });

    test('accepts a tenant file saved with a byte order mark', () => {
      const run = runCli(['check', '--tenant', 'bom.json', 'telco.csv'], dir);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '0 errors, 0 warnings in 1 file\n');
    });

    test('a tenant file that is not JSON is a usage error', () => {
      const run = runCli(['check', '--tenant', 'not-json.json', 'profile.csv'], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      // Newer Node versions quote the text around the mistake, and some give its position: only that is kept.
      assert.match(
        run.stderr,
        /^subscriber-csv: tenant file not-json\.json is not valid JSON( \(at character \d+\))?\.\n/,
      );
      assert.ok(run.stderr.endsWith(`\n${HELP_HINT}`));
    });

    const malformed: [string, string][] = [
      ['missing.json', 'cannot read tenant file missing.json: no such file.'],
      ['array.json', 'tenant file array.json: expected a JSON object, got an array.'],
      [
        'typo.json',
        'tenant file typo.json: unknown key "callProfile"; expected callProfiles, keyProfiles, holdAnnouncements, ' +
          'siteZones, extensionsInUse, pinNotification, role.',
      ],
      ['bad-list.json', 'tenant file bad-list.json: keyProfiles must be an array, not an object.'],
      ['bad-id.json', 'tenant file bad-id.json: siteZones[0].id must be digits (like "101").'],
      [
        'bad-entry.json',
        'tenant file bad-entry.json: holdAnnouncements[0] must be an object like {"id":"1","name":"Local"}.',
      ],
      ['bad-name.json', 'tenant file bad-name.json: callProfiles[0].name must be a string, not a number.'],
      [
        'bad-extension.json',
        'tenant file bad-extension.json: extensionsInUse[0] must be digits (like "101"), not a boolean.',
      ],
      [
        'bad-pin.json',
        'tenant file bad-pin.json: pinNotification must be one of none, display, email, emailAndDisplay.',
      ],
    ];
    for (const [file, message] of malformed) {
      test(`${file}: exits 2 with a clear message`, () => {
        const run = runCli(['check', '--tenant', file, 'profile.csv'], dir);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.equal(run.stderr, `subscriber-csv: ${message}\n${HELP_HINT}`);
      });
    }
  });
});
