// The kept profile of `npm start` under .cache/start-profile/: the person's settings survive restarts (our
// defaults are added only where they set nothing, comments and all kept), and the extension is installed by a
// link to the repository, so a rebuild plus "Developer: Reload Window" runs the new code.
const fs = require('fs');
const path = require('path');
const { applyEdits, modify, parse } = require('jsonc-parser');

/**
 * Adds each of `defaults` that the settings file does not set, editing the text in place so that what the person
 * wrote (values, comments, order) stays as it was. Returns the keys added.
 */
function mergeDefaultSettings(file, defaults) {
  const original = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  let text = original.trim() === '' ? '{}' : original;
  const errors = [];
  const current = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof current !== 'object' || current === null || Array.isArray(current)) {
    // Never overwrite a file we cannot read: VS Code shows its own error for it, and the person fixes it.
    console.warn(`${file} is not a JSON object; left as it is`);
    return [];
  }
  const added = Object.keys(defaults).filter((key) => !(key in current));
  for (const key of added) {
    text = applyEdits(
      text,
      modify(text, [key], defaults[key], { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }),
    );
  }
  if (text !== original) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return added;
}

/**
 * Installs the repository as an extension of the profile: a link named `publisher.name-version` in the
 * extensions folder. code-server loads it like any installed extension (notifications and dialogs as a user
 * sees them), unlike the test driver's `?payload=`. A link under another name (an older version) is replaced, and
 * VS Code's list of installed extensions is then rebuilt from the folder.
 */
function linkExtension(extensionsDir, repoRoot) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const name = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  let changed = false;
  for (const entry of fs.readdirSync(extensionsDir, { withFileTypes: true })) {
    const full = path.join(extensionsDir, entry.name);
    if (entry.isSymbolicLink() && entry.name !== name && fs.realpathSync(full) === fs.realpathSync(repoRoot)) {
      fs.unlinkSync(full);
      changed = true;
    }
  }
  const link = path.join(extensionsDir, name);
  if (!fs.existsSync(link)) {
    fs.symlinkSync(repoRoot, link, 'dir');
    changed = true;
  }
  // VS Code lists installed extensions in extensions.json and rebuilds it from the folder when it is missing.
  if (changed) fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  return name;
}

module.exports = { mergeDefaultSettings, linkExtension };
