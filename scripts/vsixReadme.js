// Writes dist/README.md, the README inside the VSIX (`vsce package --readme-path dist/README.md`). VS Code's
// extension page follows only http(s) and mailto links and shows only images from an https host (1.82 also took
// data: URIs, 1.139 strips them), and this project has no public repository for vsce to point relative links at.
// So the store README leaves the picture out (the walkthrough shows it, from the VSIX), names the repository's
// files it links to (they ship in the VSIX) instead of linking them, and drops the developer line at the top (the
// repository's `npm ci && npm start` / `npm test`). vsce would refuse the relative links it can no longer resolve,
// hence `--no-rewrite-relative-links` in `npm run package`; test/package/vsix.test.ts checks that none is left.
// usage: node scripts/vsixReadme.js      (run by `vscode:prepublish`)
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'README.md');
const hasScheme = (link) => /^[a-z][a-z0-9+.-]*:/i.test(link);

function plainLink(text, href) {
  if (hasScheme(href)) return `[${text}](${href})`;
  const file = href.split('#')[0];
  if (file === '') return text; // a heading of this README: the page has no anchors to follow
  return text === file ? `\`${file}\`` : `${text} (\`${file}\`)`;
}

/** The VSIX's README from the repository's. */
function vsixReadme(markdown) {
  return markdown
    .replace(/^Develop:[^]*?\n\n/m, '')
    .replace(/^!\[[^\]]*\]\((?![a-z][a-z0-9+.-]*:)[^)\s]+\)\n\n/gim, '')
    .replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (_, text, href) => plainLink(text, href));
}

module.exports = { vsixReadme, OUT };

if (require.main === module) {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, vsixReadme(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')));
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
}
