/**
 * Runs the built CLI (`dist/cli.js`, so `npm run build` first) in a temporary directory holding small inline
 * fixtures, and captures what it prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI_BUNDLE = resolve(__dirname, '../../dist/cli.js');
export const BIN_SHIM = resolve(__dirname, '../../bin/subscriber-csv.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The lines of a file, each ended by LF. */
export function csv(...lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** A temporary directory with the given files; `remove()` deletes it. */
export function workspace(files: Record<string, string | Buffer>): { dir: string; remove(): void } {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run build\` before these tests.`);
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-csv-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function runCli(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A file with no problems at all under the default settings. */
export const CLEAN_FILE = csv('Type,FirstName,LastName,Extension', 'User,Ann,Lee,101', 'Location,,Main Lobby,150');

/** Two errors and a warning on line 2: an empty LastName, "Yes" for y, and MaxDevices above one digit. */
export const FILE_WITH_ERRORS = csv('Type,LastName,Privacy,MaxDevices', 'User,,Yes,12');
