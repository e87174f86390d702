#!/usr/bin/env node
// The `subscriber-csv` command of the installed package; dist/cli.js is the whole CLI in one file (scripts/cliPackage.js).
require('../dist/cli.js');
