/**
 * What the VSIX holds: `vsce ls` lists exactly the files meant to ship (what the installed extension reads, the
 * store README and every file the repository's README links to), every file the manifest names ships, every
 * manifest string is localisable, the store README works on VS Code's extension page (no relative link or image),
 * and `vsce package` builds a minified package (through `vscode:prepublish`) with no placeholder link.
 * `vsce package` rewrites dist/ with the production build; the test builds the development one again after it.
 */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** What the installed extension reads, and the store page's own files. */
const RUNTIME_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'client/media/importSummary.css',
  'client/media/rowForm.css',
  'client/media/rowForm.js',
  'dist/README.md',
  'dist/client.js',
  'dist/server.js',
  // The server links each diagnostic's code to its entry here.
  'docs/diagnostics.md',
  // The walkthrough's picture of its "Fix the mistakes" step.
  'docs/images/editor.png',
  'images/icon.png',
  'language-configuration.json',
  'package.json',
  'package.nls.json',
  'snippets/subscriber-csv.json',
  'syntaxes/subscriber-csv.tmLanguage.json',
  'walkthrough/endpoint.md',
  'walkthrough/import.md',
  'walkthrough/newFile.md',
  'walkthrough/token.md',
];

function vsce(...args: string[]): string {
  return execFileSync(process.execPath, [VSCE, ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
}

/**
 * Relative links (and images, unless `images` is false) of a Markdown file, without their #fragment, as paths from
 * the repo root.
 */
function relativeLinks(markdownPath: string, { images = true } = {}): string[] {
  const markdown = readFileSync(join(ROOT, markdownPath), 'utf8');
  const text = images ? markdown : markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  const dir = markdownPath.includes('/') ? markdownPath.slice(0, markdownPath.lastIndexOf('/') + 1) : '';
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1].split('#')[0])
    .filter((link) => link !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(link))
    .map((link) => join(dir, link).replace(/\\/g, '/'));
}

/** Every `%key%` the manifest uses. */
function localisedKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match) found.add(match[1]);
  } else if (Array.isArray(value)) value.forEach((item) => localisedKeys(item, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => localisedKeys(item, found));
  return found;
}

describe('the VSIX', () => {
  let listed: string[];
  before(() => {
    assert.ok(existsSync(join(ROOT, 'dist', 'client.js')), 'dist/client.js is missing: run `npm run build` first');
    assert.match(manifest.scripts.package, / --readme-path dist\/README\.md /);
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'vsixReadme.js')], { cwd: ROOT, stdio: 'pipe' });
    listed = vsce('ls', '--no-dependencies', '--readme-path', 'dist/README.md').split('\n').filter(Boolean).sort();
  });

  it('lists exactly the runtime files, the store README and the files the README links to', () => {
    // The store README leaves the pictures out (scripts/vsixReadme.js), so only the files it names ship.
    const readmeLinks = relativeLinks('README.md', { images: false }).filter((link) => link !== 'README.md');
    const expected = [...new Set([...RUNTIME_FILES, ...readmeLinks])].sort();
    assert.deepEqual(listed, expected);
    // Nothing from the sources, tests, build output maps or development tools.
    assert.ok(
      !listed.some((f) =>
        /^(client\/src|server|cli|common|language-service|sandbox|test|scripts|node_modules)\/|\.map$/.test(f),
      ),
    );
  });

  it('ships every file the manifest and the walkthrough name', () => {
    const named = [
      manifest.main,
      manifest.icon,
      // A language the extension only adds file names to (csv) has no configuration of its own.
      ...manifest.contributes.languages.flatMap((l: { configuration?: string }) => l.configuration ?? []),
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      ...manifest.contributes.walkthroughs.flatMap((w: { steps: { media: Record<string, string> }[] }) =>
        w.steps.map((step) => step.media.markdown ?? step.media.image),
      ),
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const file of named) assert.ok(listed.includes(file), `${file} is named in package.json but not shipped`);
    // Links inside the shipped Markdown files land on shipped files too; README.md ships as the store README.
    for (const md of listed.filter((f) => f.endsWith('.md'))) {
      for (const link of relativeLinks(md, { images: false })) {
        assert.ok(link === 'README.md' || listed.includes(link), `${md} links to ${link}, not shipped`);
      }
    }
  });

  it('has a store README that VS Code shows whole: no relative link or image, users first', () => {
    const readme = readFileSync(join(ROOT, 'dist', 'README.md'), 'utf8');
    // VS Code's extension page follows only http(s) and mailto links, and shows only https images (1.139).
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(
      targets.filter((t) => !/^(https:|http:|mailto:)/.test(t)),
      [],
    );
    assert.ok(!/!\[/.test(readme), 'no image: there is no https host to show it from');
    assert.match(readme, /^# OfficeSuite UC Subscriber CSV\n\nA VS Code extension for the people who provision/);
    assert.match(readme, /`docs\/diagnostics\.md`/, 'files named, not linked');
  });

  it('has a localised string for every %key% of the manifest, and no unused one', () => {
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
    const used = localisedKeys(manifest);
    assert.deepEqual(
      [...used].filter((key) => !(key in nls)),
      [],
    );
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
    );
    // Every title and description a person reads goes through package.nls.json.
    assert.match(manifest.displayName, /^%.+%$/);
    assert.match(manifest.description, /^%.+%$/);
    for (const command of manifest.contributes.commands) assert.match(command.title, /^%.+%$/, command.command);
  });

  it('carries the marketplace fields, and no placeholder repository', () => {
    assert.equal(manifest.icon, 'images/icon.png');
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, 'icon at least 128×128');
    assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30);
    assert.ok(manifest.categories.length > 0);
    assert.equal(manifest.repository, undefined, 'no repository URL until there is a real one');
    assert.equal(manifest.scripts['vscode:prepublish'], 'node esbuild.js --production && node scripts/vsixReadme.js');
  });

  it('packages minified bundles with no link to a placeholder host', () => {
    const out = mkdtempSync(join(tmpdir(), 'subscriber-csv-vsix-'));
    try {
      const vsix = join(out, 'extension.vsix');
      // The same command as `npm run package`, into a temp folder.
      const script: string = manifest.scripts.package;
      const args = script.split(' ').slice(1);
      vsce(...args, '--out', vsix);
      const size = statSync(vsix).size;
      // 1.78 MB unminified, with source maps; under 0.5 MB minified.
      assert.ok(size < 600_000, `VSIX is ${size} bytes`);
      for (const bundle of ['dist/client.js', 'dist/server.js']) {
        const code = readFileSync(join(ROOT, bundle), 'utf8');
        assert.ok(!code.includes('sourceMappingURL'), `${bundle} is the production build`);
        // Minified: long lines (a development build averages well under 100 characters a line).
        const perLine = code.length / code.split('\n').length;
        assert.ok(perLine > 1000, `${bundle} is minified (${Math.round(perLine)} characters a line)`);
      }
      for (const file of listed.filter((f) => /\.(md|json)$/.test(f))) {
        const text = readFileSync(join(ROOT, file), 'utf8');
        assert.ok(!text.includes('officesuite-tools/subscriber-csv'), `${file} links to the placeholder repository`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
      execFileSync(process.execPath, [join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: 'pipe' });
    }
  });
});
