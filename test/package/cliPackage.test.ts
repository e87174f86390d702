/**
 * The CLI as a package (cli/): `npm pack` makes a tarball that holds the self-contained bundle and nothing it does not
 * need; `npm install -g` of that tarball into an empty prefix, offline and with an empty cache (so nothing can be
 * fetched), gives a `subscriber-csv` command that runs outside the repository, checks files with the documented exit
 * codes and output (the same as the CLI built from the sources), and imports a file into the real sandbox.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestSandbox, type TestSandbox } from '../import/helpers/sandbox';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'cli');
const extension = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8'));

/** The environment without what an outer `npm run` sets (npm_config_*, npm_package_*), which would steer npm here. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv): string {
  return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: 'pipe' });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop (the sandbox answers from this process). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the CLI package', () => {
  let out: string;
  let packed: { filename: string; files: { path: string }[] };
  let installed: string;
  let command: string;
  let work: string;
  /** Only Node itself and the system's basics on the PATH: the command must need nothing else. */
  let env: NodeJS.ProcessEnv;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'subscriber-csv-cli-package-'));
    // `npm pack` runs the package's prepack (scripts/cliPackage.js), which bundles the CLI.
    packed = JSON.parse(npm(['pack', '--json', '--pack-destination', out], CLI))[0];
    const prefix = join(out, 'prefix');
    const cache = join(out, 'cache');
    mkdirSync(cache);
    npm(['install', '-g', join(out, packed.filename), '--offline', '--no-audit', '--no-fund'], out, {
      ...cleanEnv,
      npm_config_prefix: prefix,
      npm_config_cache: cache,
    });
    installed = join(prefix, 'lib', 'node_modules', manifest.name);
    command = join(prefix, 'bin', 'subscriber-csv');
    work = join(out, 'work');
    mkdirSync(work);
    for (const name of ['clean.subscribers.csv', 'with-mistakes.subscribers.csv']) {
      copyFileSync(join(ROOT, 'examples', name), join(work, name));
    }
    env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: out };
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('is named and versioned as the docs say, in step with the extension', () => {
    assert.equal(manifest.name, 'subscriber-csv-cli');
    assert.equal(manifest.version, extension.version, 'the CLI and the extension are released together');
    assert.equal(packed.filename, `subscriber-csv-cli-${manifest.version}.tgz`);
  });

  it('is never offered as `npx` of its name, which resolves to whatever the public registry holds under it', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const npxOfName = new RegExp(['npx', 'subscriber-csv'].join('\\s+'));
    const offenders = files.filter((file) => {
      if (!/\.(md|json|ts|js|sh|txt)$/.test(file) || !existsSync(join(ROOT, file))) return false;
      return npxOfName.test(readFileSync(join(ROOT, file), 'utf8'));
    });
    assert.deepEqual(offenders, []);
  });

  it('holds the bundle, the command, the catalog, the notices, README and LICENSE, and nothing else', () => {
    assert.deepEqual(packed.files.map((file) => file.path).sort(), [
      'LICENSE',
      'README.md',
      'bin/subscriber-csv.js',
      'dist/THIRD-PARTY-NOTICES.md',
      'dist/cli.js',
      'docs/diagnostics.md',
      'package.json',
    ]);
    assert.equal(readFileSync(join(installed, 'LICENSE'), 'utf8'), readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
    assert.equal(
      readFileSync(join(installed, 'docs', 'diagnostics.md'), 'utf8'),
      readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8'),
    );
    const notices = readFileSync(join(installed, 'dist', 'THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const name of ['fastest-levenshtein', 'libphonenumber-js', 'validator', 'vscode-languageserver-types']) {
      assert.match(notices, new RegExp(`^## ${name} \\S+ \\(MIT\\)$`, 'm'), name);
    }
  });

  it('declares a command and a Node version, and no dependency or install script', () => {
    const installedManifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.deepEqual(installedManifest.bin, { 'subscriber-csv': 'bin/subscriber-csv.js' });
    assert.equal(installedManifest.engines.node, '>=20');
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      assert.equal(installedManifest[field], undefined, field);
    }
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
      assert.equal(installedManifest.scripts?.[script], undefined, script);
    }
    assert.ok(!existsSync(join(installed, 'node_modules')), 'nothing installed beside it');
  });

  it('bundles everything: the code requires only modules of Node itself', () => {
    const bundle = readFileSync(join(installed, 'dist', 'cli.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]));
    assert.ok(required.size > 0);
    const builtins = new Set(builtinModules);
    assert.deepEqual(
      [...required].filter((name) => !builtins.has(name.replace(/^node:/, ''))),
      [],
    );
    assert.ok(!bundle.includes('sourceMappingURL'));
  });

  it('runs from the installed command: --version, and check with exit code 0 for a clean file', async () => {
    assert.ok(statSync(command).mode & 0o111, 'the command is executable');
    const version = await run(command, ['--version'], work, env);
    assert.deepEqual(version, { code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    const clean = await run(command, ['check', 'clean.subscribers.csv'], work, env);
    assert.deepEqual(clean, { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
  });

  it('exits 1 on errors, printing what the CLI built from the sources prints, in every format', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const args = ['check', '--format', format, 'with-mistakes.subscribers.csv'];
      const packaged = await run(command, args, work, env);
      // tsx by its path: the working directory is outside the repository.
      const tsx = pathToFileURL(require.resolve('tsx')).href;
      const fromSources = await run(
        process.execPath,
        ['--import', tsx, join(CLI, 'src', 'main.ts'), ...args],
        work,
        env,
      );
      assert.equal(packaged.code, 1, `${format}: ${packaged.stderr}`);
      assert.equal(packaged.stderr, '');
      assert.equal(packaged.stdout, fromSources.stdout, format);
      assert.equal(fromSources.code, 1);
    }
  });

  it('exits 2 on a usage error or a file it cannot read', async () => {
    const usage = await run(command, ['check', '--format', 'xml', 'clean.subscribers.csv'], work, env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--format must be one of text, json, sarif/);
    const missing = await run(command, ['check', 'missing.csv'], work, env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.csv/);
  });

  describe('import against the sandbox', () => {
    let sandbox: TestSandbox;
    before(async () => {
      sandbox = await startTestSandbox();
    });
    after(() => sandbox.dispose());

    it('imports a clean file: exit 0, every row stored', async () => {
      const result = await run(
        command,
        ['import', 'clean.subscribers.csv', '--endpoint', sandbox.sandbox.endpoint, '--yes'],
        work,
        { ...env, SUBSCRIBER_CSV_TOKEN: sandbox.sandbox.token },
      );
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stdout,
        /^Imported clean\.subscribers\.csv to 127\.0\.0\.1:\d+: 5 created, 0 updated, 0 failed\.\n$/,
      );
      for (const extension of ['101', '102', '103', '150', '151']) {
        assert.ok(sandbox.sandbox.db.findByExtension(extension), `extension ${extension} stored`);
      }
    });

    it('refuses a file with errors before sending it (exit 1), and wants the token (exit 2)', async () => {
      const imports = sandbox.sandbox.db.countImports();
      const refused = await run(
        command,
        ['import', 'with-mistakes.subscribers.csv', '--endpoint', sandbox.sandbox.endpoint, '--yes'],
        work,
        { ...env, SUBSCRIBER_CSV_TOKEN: sandbox.sandbox.token },
      );
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(
        refused.stdout,
        /Import refused: with-mistakes\.subscribers\.csv has \d+ errors; nothing was sent\./,
      );
      const noToken = await run(
        command,
        ['import', 'clean.subscribers.csv', '--endpoint', sandbox.sandbox.endpoint, '--yes'],
        work,
        env,
      );
      assert.equal(noToken.code, 2);
      assert.match(noToken.stderr, /SUBSCRIBER_CSV_TOKEN/);
      assert.equal(sandbox.sandbox.db.countImports(), imports);
      assert.deepEqual(readdirSync(work).sort(), ['clean.subscribers.csv', 'with-mistakes.subscribers.csv']);
    });
  });
});
