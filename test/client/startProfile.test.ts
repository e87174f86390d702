/**
 * `npm start`'s kept profile and port (scripts/start/): the person's settings survive our defaults, the extension
 * is linked under its current version, and a taken default port falls back to the next free one.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// scripts/start/ is plain CommonJS (npm start runs it without a build): load it with its shape spelt out here.
const load = createRequire(__filename);
const { linkExtension, mergeDefaultSettings } = load('../../scripts/start/profile') as {
  linkExtension(extensionsDir: string, repoRoot: string): string;
  mergeDefaultSettings(file: string, defaults: Record<string, unknown>): string[];
};
const { choosePort } = load('../../scripts/start/port') as { choosePort(preferred: number): Promise<number> };

const ROOT = join(__dirname, '..', '..');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'subscriber-csv-start-profile-'));
}

describe('mergeDefaultSettings', () => {
  it('adds only the defaults the person has not set, and keeps their comments and values', () => {
    const dir = tempDir();
    try {
      const file = join(dir, 'settings.json');
      writeFileSync(file, '{\n  // mine\n  "files.autoSave": "afterDelay",\n}\n');
      const added = mergeDefaultSettings(file, { 'files.autoSave': 'off', 'git.enabled': false });
      assert.deepEqual(added, ['git.enabled']);
      const text = readFileSync(file, 'utf8');
      assert.match(text, /\/\/ mine/);
      assert.match(text, /"files\.autoSave": "afterDelay"/);
      assert.match(text, /"git\.enabled": false/);
      assert.deepEqual(mergeDefaultSettings(file, { 'git.enabled': true }), [], 'a second start adds nothing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes every default into a missing file', () => {
    const dir = tempDir();
    try {
      const file = join(dir, 'User', 'settings.json');
      assert.deepEqual(mergeDefaultSettings(file, { a: 1, b: 'x' }), ['a', 'b']);
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { a: 1, b: 'x' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a file it cannot read as it is', () => {
    const dir = tempDir();
    try {
      const file = join(dir, 'settings.json');
      writeFileSync(file, '{ "a": ');
      assert.deepEqual(mergeDefaultSettings(file, { b: 1 }), []);
      assert.equal(readFileSync(file, 'utf8'), '{ "a": ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('linkExtension', () => {
  it('links the repository under publisher.name-version and replaces a link of an older version', () => {
    const dir = tempDir();
    try {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      const current = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
      mkdirSync(join(dir, 'other.extension-1.0.0'));
      symlinkSync(ROOT, join(dir, `${manifest.publisher}.${manifest.name}-0.0.1`), 'dir');
      writeFileSync(join(dir, 'extensions.json'), '[]');
      assert.equal(linkExtension(dir, ROOT), current);
      assert.equal(readlinkSync(join(dir, current)), ROOT);
      assert.ok(!existsSync(join(dir, `${manifest.publisher}.${manifest.name}-0.0.1`)), 'the old link is gone');
      assert.ok(existsSync(join(dir, 'other.extension-1.0.0')), 'another extension stays');
      assert.ok(!existsSync(join(dir, 'extensions.json')), 'VS Code rebuilds its list from the folder');
      writeFileSync(join(dir, 'extensions.json'), '[]');
      linkExtension(dir, ROOT);
      assert.ok(existsSync(join(dir, 'extensions.json')), 'nothing changed: the list stays');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('choosePort', () => {
  it('takes the preferred port when free, and the next free one when it is taken', async () => {
    const held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const port = (held.address() as { port: number }).port;
    try {
      const chosen = await choosePort(port);
      assert.ok(chosen > port && chosen <= port + 20, `chose ${chosen} after ${port}`);
    } finally {
      await new Promise((resolve) => held.close(resolve));
    }
    assert.equal(await choosePort(port), port);
  });
});
