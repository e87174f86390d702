/**
 * The real `sqlite3` shell (Debian package `sqlite3`, installed by scripts/system-packages.sh), run against the
 * sandbox's file as a person would: the crash tests check its integrity with it, and read the file with it while
 * an import is being written. Without the shell those tests fail with a message saying how to get it; they never
 * skip.
 */
import { execFile, execFileSync } from 'node:child_process';

export function requireSqliteShell(): string {
  try {
    return execFileSync('sqlite3', ['-version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'The sqlite3 shell is missing: the crash-safety tests need it. Install the Debian package sqlite3 ' +
        '(bash scripts/system-packages.sh does, and npm run test:node runs it first).',
    );
  }
}

/** Runs one statement (or dot-command) with the shell and returns its output, trimmed. */
export function sqlite(dbPath: string, sql: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('sqlite3', [dbPath, sql], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`sqlite3 "${sql}" failed: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}
