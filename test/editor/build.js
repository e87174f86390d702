// Compiles the in-editor suite (test/editor/suite/*.ts) to out/editor-suite/, one .js per .ts.
// No bundling: `vscode` only exists inside the extension host, and mocha resolves from the repo's node_modules
// at run time, so plain per-file transpilation is all that is needed. Type checking is `npm run typecheck`.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const srcDir = path.join(__dirname, 'suite');
const outDir = path.join(root, 'out', 'editor-suite');

async function build() {
  const entryPoints = fs
    .readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(srcDir, f));
  // A stale compiled test whose source was deleted would still run: start from an empty folder.
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    // The extension host of the oldest VS Code the manifest claims (1.82) runs Node 18.15.
    target: 'node18.15',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outDir;
}

module.exports = { build, outDir };

if (require.main === module) {
  build().then(
    (dir) => console.log(`editor suite compiled to ${path.relative(root, dir)}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
