// `npm start` serves on a fixed port, so that the browser's storage for the editor (open editors, layout, which
// the web workbench keeps per origin) is found again next time; when that port is taken, the next free one.
const net = require('net');

const DEFAULT_PORT = 7300;
const FALLBACKS = 20;

function isFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `preferred` on (at most FALLBACKS further); throws when none is. */
async function choosePort(preferred = DEFAULT_PORT, host = '127.0.0.1') {
  for (let port = preferred; port <= preferred + FALLBACKS; port++) {
    if (await isFree(port, host)) return port;
  }
  throw new Error(`ports ${preferred}-${preferred + FALLBACKS} are all taken; choose one with --port N`);
}

module.exports = { DEFAULT_PORT, choosePort, isFree };
