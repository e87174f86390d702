/**
 * What the language status items say about the file and the tenant data.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fileStatusText, tenantStatusText, type FileState } from '../../client/src/import/statusText';

const clean: FileState = { isSubscriberFile: true, errors: 0, warnings: 0, users: 2, locations: 1 };

describe('fileStatusText', () => {
  it('says a clean file is ready to import', () => {
    assert.deepEqual(fileStatusText(clean), {
      text: '$(check) Ready to import',
      detail: '2 users, 1 location',
      severity: 'info',
      command: 'import',
    });
  });

  it('counts errors and warnings, and points at the problems', () => {
    assert.deepEqual(fileStatusText({ ...clean, errors: 2, warnings: 1 }), {
      text: '2 errors, 1 warning',
      detail: 'Fix before importing · 2 users, 1 location',
      severity: 'error',
      command: 'showProblems',
    });
  });

  it('is still ready with warnings', () => {
    const status = fileStatusText({ ...clean, warnings: 3 });
    assert.equal(status.text, 'Ready to import, 3 warnings');
    assert.equal(status.command, 'import');
  });

  it('offers to treat a plain CSV as a subscriber file', () => {
    assert.equal(fileStatusText({ ...clean, isSubscriberFile: false }).command, 'treatAsSubscriberFile');
  });

  it('says when there is nothing to import', () => {
    assert.equal(fileStatusText({ ...clean, users: 0, locations: 0 }).text, 'Nothing to import');
  });

  it('says it is checking before the server answered', () => {
    assert.equal(fileStatusText(undefined).text, '$(sync~spin) Checking');
  });
});

describe('tenantStatusText', () => {
  it('falls back to settings without an endpoint or a token', () => {
    assert.equal(
      tenantStatusText({ host: undefined, hasToken: false, loading: false }).text,
      'Tenant data from settings',
    );
    assert.equal(
      tenantStatusText({ host: 'pbx.example.com', hasToken: false, loading: false }).detail,
      'No API token for pbx.example.com',
    );
  });

  it('names the tenant once loaded', () => {
    const status = tenantStatusText({
      host: 'pbx.example.com',
      hasToken: true,
      loading: false,
      loaded: { name: 'Acme Corp', fetchedAt: 'today', summary: '1 call profile' },
    });
    assert.deepEqual(status, {
      text: 'Tenant: Acme Corp',
      detail: '1 call profile · pbx.example.com, today',
      severity: 'info',
    });
  });

  it('shows a failed refresh as a warning', () => {
    const status = tenantStatusText({ host: 'pbx.example.com', hasToken: true, loading: false, lastError: 'Refused.' });
    assert.deepEqual(status, { text: 'Tenant data not loaded', detail: 'Refused.', severity: 'warning' });
  });
});
