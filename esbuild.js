// Bundles the extension client, the language server and the CLI into dist/.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error: message` form the $esbuild-watch problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * iconv-lite without its double-byte tables (Chinese, Japanese and Korean code pages, 230 KB of JSON that would
 * double the extension's download): the bundles decode only UTF-8, UTF-16 and Windows-1252, the encodings Excel
 * saves a CSV in (common/fileEncoding). `iconv.getDecoder` of a double-byte code page would then fail as unknown.
 */
const withoutDoubleByteTables = {
  name: 'iconv-lite-without-double-byte-tables',
  setup(build) {
    build.onResolve({ filter: /^\.\/dbcs-(data|codec)$/ }, (args) =>
      /[\\/]iconv-lite[\\/]encodings$/.test(args.resolveDir)
        ? { path: args.path, namespace: 'empty-module' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty-module' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/**
 * One entry a bundle: what runs in the extension host, in the server process, and on the command line. The client
 * and the server run on the Node inside VS Code, 18.15 for 1.82 (the oldest `engines.vscode` allows); the CLI on
 * the Node `engines.node` names. The target lowers syntax only: a newer runtime API still fails there, which is
 * what the editor suite on the oldest VS Code (`npm run test:editor:oldest`) is for.
 */
const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'], target: 'node18.15' },
  { in: 'server/src/main.ts', out: 'server', external: [], target: 'node18.15' },
  { in: 'cli/src/main.ts', out: 'cli', external: [], target: 'node20' },
];

async function main() {
  const contexts = await Promise.all(
    entries.map((entry) =>
      esbuild.context({
        entryPoints: { [entry.out]: entry.in },
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: entry.target,
        outdir: 'dist',
        external: entry.external,
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        logLevel: 'silent',
        plugins: [problemMatcherPlugin, withoutDoubleByteTables],
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.allSettled(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
