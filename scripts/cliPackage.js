// Prepares cli/ for `npm pack` (its `prepack` script): the publishable package of the `subscriber-csv` command.
// The package ships one self-contained bundle and no dependencies: esbuild puts the CLI, the rules library and the
// few libraries they use (vscode-languageserver-types and -textdocument, fastest-levenshtein, validator,
// libphonenumber-js) into dist/cli.js, so installing it fetches nothing, runs no install script, and works offline.
// Alongside: the licence texts of what the bundle holds (dist/THIRD-PARTY-NOTICES.md), the project's LICENSE, and
// the diagnostics catalog (docs/diagnostics.md) the codes in the output refer to. All of it is generated and
// gitignored; test/package/cliPackage.test.ts packs, installs and runs the result.
// usage: node scripts/cliPackage.js      (run by `npm pack` in cli/)
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'cli');
const manifest = JSON.parse(fs.readFileSync(path.join(CLI, 'package.json'), 'utf8'));

/** `>=20` → `node20`: the bundle's syntax is lowered to the oldest Node the package accepts. */
function targetOf(engines) {
  const major = /^>=\s*(\d+)/.exec(engines ?? '')?.[1];
  if (!major) throw new Error(`cli/package.json: engines.node must read ">=N", not ${JSON.stringify(engines)}`);
  return `node${major}`;
}

/** The folder of the package an esbuild input path lies in, or undefined for the project's own sources. */
function packageDirOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return path.join(ROOT, input.slice(0, at), 'node_modules', name);
}

/** One section a bundled package: its name, version and licence, and every licence file it ships, verbatim. */
function notices(packageDirs) {
  const sections = [...packageDirs].sort().map((dir) => {
    const { name, version, license } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const files = fs.readdirSync(dir).filter((file) => /^(licen[cs]e|copying|notice)/i.test(file));
    if (files.length === 0) throw new Error(`${name} ships no licence file to reproduce`);
    const texts = files.sort().map((file) => fs.readFileSync(path.join(dir, file), 'utf8').trim());
    return [`## ${name} ${version} (${license})`, '', ...texts.map((text) => `\`\`\`text\n${text}\n\`\`\``)].join(
      '\n\n',
    );
  });
  const intro =
    `# Third-party notices\n\n\`dist/cli.js\` of ${manifest.name} ${manifest.version} bundles the packages below; ` +
    'their licences follow.';
  return `${intro}\n\n${sections.join('\n\n')}\n`;
}

async function main() {
  const dist = path.join(CLI, 'dist');
  fs.rmSync(dist, { recursive: true, force: true });
  const result = await esbuild.build({
    // The metafile names its inputs relative to this.
    absWorkingDir: ROOT,
    entryPoints: [path.join(CLI, 'src', 'main.ts')],
    outfile: path.join(dist, 'cli.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: targetOf(manifest.engines?.node),
    // Smaller, but names kept: the "internal error" stack trace a user pastes into a report stays readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const packages = new Set(Object.keys(result.metafile.inputs).map(packageDirOf).filter(Boolean));
  fs.writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES.md'), notices(packages));
  fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(CLI, 'LICENSE'));
  fs.mkdirSync(path.join(CLI, 'docs'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'docs', 'diagnostics.md'), path.join(CLI, 'docs', 'diagnostics.md'));
  // On stderr: `npm pack --json` prints its report on stdout, where this would break it.
  console.error(`cli/: dist/cli.js (${packages.size} packages bundled), LICENSE, docs/diagnostics.md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
