#!/usr/bin/env node
// The installed `subscriber-csv` command; the CLI itself is bundled into dist/cli.js by `npm run build`.
require('../dist/cli.js');
