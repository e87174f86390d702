// Opens a URL in the person's browser where there is one: the platform's opener, and on Linux only with a
// display (on a server or in CI there is nothing to open, and xdg-open would fall back to a text browser).
const { spawn, spawnSync } = require('child_process');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The command that opens a URL here, or undefined when there is no browser to open. */
function browserOpener(env = process.env, platform = process.platform) {
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return onPath('xdg-open') ? ['xdg-open'] : undefined;
}

/** Returns true when a browser was asked to open `url`. */
function openBrowser(url) {
  const opener = browserOpener();
  if (!opener) return false;
  const [command, ...args] = opener;
  const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // no browser after all: the URL is printed anyway
  child.unref();
  return true;
}

module.exports = { browserOpener, openBrowser, onPath };
