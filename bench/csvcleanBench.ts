/**
 * The baseline the CLI is measured against: csvkit's `csvclean -n` (Debian package `csvkit`, installed by
 * scripts/system-packages.sh), which reads a CSV file and checks only its structure (rows of the header's width,
 * quotes), writing nothing. The CLI does that and every rule of the import, so a CLI as fast as `csvclean -n` costs
 * nothing beyond reading the file. Run in pairs with the CLI, alternating, so that both see the same machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { now } from './stats';

/** The path of `csvclean`, or undefined (said loudly by the caller) when csvkit is not installed. */
export function findCsvclean(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v csvclean'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}

/** Wall time of `csvclean -n <file>`, in ms. */
export async function measureCsvclean(csvclean: string, file: string): Promise<number> {
  const start = now();
  const child = spawn(csvclean, ['-n', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ms = now() - start;
  if (exitCode !== 0) throw new Error(`csvclean exited with ${exitCode}: ${stderr.trim().split('\n')[0] ?? ''}`);
  return ms;
}
