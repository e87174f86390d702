/**
 * The server part of the benchmark alone, on one size: for profiling the server
 * (`BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=prof" node --import tsx bench/serverOnly.ts 100000`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateFile } from './generate';
import { measureServer } from './serverBench';

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const edits = Number(process.argv[3] ?? 100);
  const file = await generateFile(rows, 1);
  const text = readFileSync(file.path, 'utf8');
  const log = (message: string) => process.stderr.write(`${message}\n`);
  await measureServer({
    serverPath: resolve(__dirname, '../dist/server.js'),
    text,
    rows,
    seed: 1,
    edits,
    lookups: 200,
    log,
  });
}

void main();
