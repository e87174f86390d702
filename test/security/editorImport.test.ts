/**
 * The extension's own import path (client/src) run on a fake `vscode` against the sandbox: what it refuses before
 * it reads the token or touches the network (an untrusted workspace, an endpoint only a workspace set, plain http
 * to another host, a token stored for another origin), and, through every failure the sandbox can produce, that
 * its log never holds the token, a PIN or a cell value, that nothing it shows, marks or keeps holds the token or a
 * PIN, and that the document is never written.
 */
import './helpers/vscodeHook';
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clearApiToken, setApiToken } from '../../client/src/tokenCommands';
import type { FaultPlan } from '../../sandbox/src/faults';
import { HEADER, startTestSandbox, type TestSandbox } from '../import/helpers/sandbox';
import { everythingSaid, openEditor, type Editor } from './helpers/editorHarness';
import { leakIn, watchNetwork } from './helpers/faultProbes';
import { createFakeClient } from './helpers/fakeLanguageClient';
import { createDocument, fake } from './helpers/fakeVscode';
import { closeAll, startHostileServer } from './helpers/hostileServer';

let test_: TestSandbox;
before(async () => {
  test_ = await startTestSandbox({ maxBytes: 16 * 1024 });
});
after(async () => {
  await test_.dispose();
  await closeAll();
});

const PIN_A = '318274';
const PIN_B = '905517';
/** Values of the file's cells that no log line may repeat (names, emails, PINs). */
const CELL_VALUES = ['Quillon', 'Vasquez-Ortiz', 'quillon.v@example.com', 'Xandrea', 'Pemberton', 'xandrea@example'];

let nextExtension = 4000;
/** Row 1 imports; row 2 fails at the endpoint on its email, a reason that quotes the cell. */
function subscriberFile(extension = nextExtension++): string {
  return [
    HEADER,
    `User,Quillon,Vasquez-Ortiz,quillon.v@example.com,${extension},1,-1,,,${PIN_A},n`,
    `User,Xandrea,Pemberton,xandrea@example,${extension + 1000},1,-1,,,${PIN_B},n`,
    '',
  ].join('\n');
}

async function importWith(editor: Editor, text: string) {
  const document = createDocument(`/work/team-${nextExtension++}.subscribers.csv`, text);
  const result = await editor.command.run({ uri: document.uri, skipConfirmation: true });
  assert.equal(document.getText(), text, 'the document is unchanged');
  return result;
}

async function editorWithToken(endpoint: string, token: string): Promise<Editor> {
  const editor = openEditor(endpoint);
  await editor.tokens.store(endpoint, token);
  await editor.tenant.refresh();
  return editor;
}

test('refused before the token is read or anything is sent: untrusted, workspace-only or insecure endpoint', async () => {
  const { endpoint, token } = test_.sandbox;
  const cases: { reason: string; arrange(editor: Editor): void }[] = [
    { reason: 'untrustedWorkspace', arrange: () => (fake.trusted = false) },
    // A cloned repository's .vscode/settings.json: the extension reads the user's value only.
    {
      reason: 'noEndpoint',
      arrange: () => (fake.endpoint = { workspaceValue: endpoint, workspaceFolderValue: endpoint }),
    },
    { reason: 'insecureEndpoint', arrange: () => (fake.endpoint = { globalValue: 'http://pbx.example.com/api' }) },
  ];
  for (const { reason, arrange } of cases) {
    const editor = await editorWithToken(endpoint, token);
    arrange(editor);
    const readsBefore = editor.secrets.reads;
    const imports = test_.sandbox.db.countImports();
    const network = watchNetwork();
    const result = await importWith(editor, subscriberFile());
    assert.equal(network.stop(), 0, `${reason}: network I/O`);
    assert.deepEqual([result.status, result.status === 'refused' && result.reason], ['refused', reason]);
    assert.equal(editor.secrets.reads, readsBefore, `${reason}: the token was not even read`);
    assert.equal(test_.sandbox.db.countImports(), imports);
    editor.dispose();
  }
});

test('a token stored for another origin is not sent to this one', async () => {
  const { endpoint, token } = test_.sandbox;
  for (const other of [endpoint.replace('127.0.0.1', 'localhost'), 'https://pbx.example.com/api/v1/tenants/acme']) {
    const editor = openEditor(other);
    await editor.tokens.store(other, token);
    fake.endpoint = { globalValue: endpoint };
    const network = watchNetwork();
    const result = await importWith(editor, subscriberFile());
    assert.equal(network.stop(), 0);
    assert.ok(result.status === 'refused' && result.reason === 'noToken', JSON.stringify(result));
    assert.match(result.message, /The API token was set for .+, not 127\.0\.0\.1:\d+/);
    editor.dispose();
  }
});

test('through every failure the sandbox has: the log holds no token, PIN or cell value', async () => {
  const { endpoint, token, tokens } = test_.sandbox;
  const echo = await startHostileServer((_request, response, recorded) => {
    response.writeHead(400, { 'Content-Type': 'application/json' });
    const said = `${recorded.headers.authorization} ${recorded.body.toString('utf8')}`;
    response.end(
      JSON.stringify({ error: said, message: said, problems: [{ line: 2, code: said, column: said, message: said }] }),
    );
  });
  const bigFile = [
    HEADER,
    ...Array.from({ length: 400 }, (_, i) => `User,Quillon,Row${i},,${9000 + i},1,-1,,,${PIN_A},n`),
  ].join('\n');
  const scenarios: {
    name: string;
    expect: string;
    faults?: FaultPlan;
    token?: string;
    text?: string;
    at?: string;
    cancelAfterMs?: number;
  }[] = [
    { name: 'imported, one row refused', expect: 'imported' },
    { name: 'conflict', expect: 'conflict', text: subscriberFile(110) },
    { name: 'rejected', expect: 'rejected', text: `Type,Extention,PIN\nUser,Quillon,${PIN_A}\n` },
    { name: 'unauthorized', expect: 'unauthorized', token: `${token}_old` },
    { name: 'forbidden', expect: 'forbidden', token: tokens.readOnly },
    { name: 'tooLarge', expect: 'tooLarge', text: bigFile },
    { name: 'rateLimited', expect: 'rateLimited', faults: { rateLimit: 1, retryAfterSeconds: 600, on: 'import' } },
    { name: 'server', expect: 'server', faults: { fail500: 1, on: 'import' } },
    { name: 'network', expect: 'network', faults: { drop: 1, on: 'import' } },
    { name: 'timeout', expect: 'timeout', faults: { hang: 1, on: 'import' } },
    { name: 'cancelled', expect: 'cancelled', faults: { delayMs: 3000, on: 'import' }, cancelAfterMs: 200 },
    { name: 'echoing host', expect: 'rejected', at: echo.endpoint },
  ];
  const said: string[] = [];
  const logged: string[] = [];
  for (const scenario of scenarios) {
    const at = scenario.at ?? endpoint;
    const editor = await editorWithToken(at, scenario.token ?? token);
    test_.sandbox.setFaults(scenario.faults ?? {});
    fake.cancelAfterMs = scenario.cancelAfterMs;
    const result = await importWith(editor, scenario.text ?? subscriberFile());
    test_.sandbox.clearFaults();
    const kind = result.status === 'failed' ? result.failure.kind : result.status;
    assert.equal(kind, scenario.expect, `${scenario.name}: ${JSON.stringify(result)}`);
    assert.ok(fake.shown.length > 0, `${scenario.name}: the user was told`);
    await editor.tenant.refresh();
    said.push(...everythingSaid(editor));
    logged.push(...editor.log.lines);
    editor.dispose();
  }
  const secrets = [...Object.values(tokens), `${token}_old`, PIN_A, PIN_B];
  assert.equal(leakIn(said, secrets), undefined, `a secret in ${leakIn(said, secrets)}`);
  assert.equal(leakIn(logged, CELL_VALUES), undefined, `a cell value logged: ${leakIn(logged, CELL_VALUES)}`);
  assert.ok(
    said.some((text) => text.includes('xandrea@example')),
    'the refused row was shown, with its reason',
  );
  assert.ok(
    logged.some((line) => /^ {2}line 3: import-failed$/.test(line)),
    'the log names lines and codes',
  );
});

test('setting the token: it goes to secret storage with its origin, never to settings, the log or global state', async () => {
  const { endpoint } = test_.sandbox;
  const editor = openEditor(endpoint);
  const pasted = 'sbx_Typed_InTo_The_Box_4242';
  fake.inputBoxAnswer = `  Bearer ${pasted}\n`;
  const log = editor.log as unknown as Parameters<typeof setApiToken>[1];
  assert.equal(await setApiToken(editor.tokens, log), true);
  assert.deepEqual(
    [...editor.secrets.values.entries()],
    [['subscriberCsv.apiToken', JSON.stringify({ origin: new URL(endpoint).origin, token: pasted })]],
  );
  assert.equal(await setApiToken(editor.tokens, log, `${pasted}_given`), true, 'automation passes it as an argument');
  assert.deepEqual(fake.configUpdates, [], 'no setting was written');
  assert.equal(leakIn(everythingSaid(editor), [pasted]), undefined);
  assert.ok(editor.log.lines.includes(`API token set for ${new URL(endpoint).host}.`));
  editor.dispose();
});

test('a second import of the same file while the first is in flight is refused: one upload, not two', async () => {
  const { endpoint, token } = test_.sandbox;
  const editor = await editorWithToken(endpoint, token);
  const text = subscriberFile();
  const document = createDocument('/work/twice.subscribers.csv', text);
  const imports = test_.sandbox.db.countImports();
  test_.sandbox.setFaults({ delayMs: 300, on: 'import' });
  const [first, second] = await Promise.all([
    editor.command.run({ uri: document.uri, skipConfirmation: true }),
    editor.command.run({ uri: document.uri, skipConfirmation: true }),
  ]);
  test_.sandbox.clearFaults();
  assert.equal(first.status, 'imported', JSON.stringify(first));
  assert.ok(second.status === 'refused' && second.reason === 'inProgress', JSON.stringify(second));
  assert.equal(test_.sandbox.db.countImports(), imports + 1);
  editor.dispose();
});

test('clearing the token removes the secret and forgets the tenant data loaded with it', async () => {
  const { endpoint, token } = test_.sandbox;
  const editor = await editorWithToken(endpoint, token);
  assert.ok(editor.globalState.keys().length > 0, 'tenant data was cached');
  const log = editor.log as unknown as Parameters<typeof clearApiToken>[1];
  assert.equal(await clearApiToken(editor.tokens, log, { skipConfirmation: true }, editor.inTests), true);
  assert.equal(editor.secrets.values.size, 0);
  const refreshed = await editor.tenant.refresh();
  assert.equal(refreshed.status, 'noToken');
  assert.deepEqual(editor.globalState.keys(), [], 'the cached tenant data is gone');
  editor.dispose();
});

test("skipConfirmation from any caller but the extension's own tests: the user is asked, and nothing happens unasked", async () => {
  const { endpoint, token } = test_.sandbox;
  const editor = openEditor(endpoint, { inTests: false });
  await editor.tokens.store(endpoint, token);
  await editor.tenant.refresh();
  const imports = test_.sandbox.db.countImports();
  const document = createDocument(`/work/unasked-${nextExtension}.subscribers.csv`, subscriberFile());
  // The fake workbench answers every question with Escape, as a user who did not expect it would.
  const result = await editor.command.run({ uri: document.uri, skipConfirmation: true });
  assert.deepEqual(result, { status: 'declined' });
  assert.ok(
    fake.shown.some((message) => /^Import 2 users to 127\.0\.0\.1:\d+\?$/.test(message)),
    fake.shown.join('\n'),
  );
  assert.equal(test_.sandbox.db.countImports(), imports, 'nothing was uploaded');

  const log = editor.log as unknown as Parameters<typeof clearApiToken>[1];
  assert.equal(await clearApiToken(editor.tokens, log, { skipConfirmation: true }, editor.inTests), false);
  assert.ok(fake.shown.includes('Clear the API token?'), fake.shown.join('\n'));
  assert.equal(editor.secrets.values.size, 1, 'the token is still there');
  assert.equal(
    editor.log.lines.filter((line) => line.includes('skipConfirmation is taken only')).length,
    2,
    editor.log.lines.join('\n'),
  );
  editor.dispose();
});

test('the import decides on the diagnostics of the version it checked, without waiting for the editor to show them', async () => {
  const { endpoint, token } = test_.sandbox;
  const warning = {
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
    message: 'A warning the editor has not shown yet.',
    severity: 2 as const,
    source: 'subscriber-csv',
  };
  // The fake editor's own list stays empty, as right after a keystroke: only the server's answer has the warning.
  const editor = openEditor(endpoint, { inTests: false, client: createFakeClient(2, [warning]) });
  await editor.tokens.store(endpoint, token);
  const document = createDocument(`/work/warned-${nextExtension}.subscribers.csv`, subscriberFile());
  const started = performance.now();
  assert.deepEqual(await editor.command.run({ uri: document.uri }), { status: 'declined' });
  const elapsed = performance.now() - started;
  assert.ok(
    fake.shown.some((text) => text.includes('1 warning:\nLine 3: A warning the editor has not shown yet.')),
    fake.shown.join('\n---\n'),
  );
  assert.ok(elapsed < 1000, `asked after ${Math.round(elapsed)} ms`);
  editor.dispose();
});
