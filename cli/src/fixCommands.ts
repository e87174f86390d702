/**
 * The fixing commands, each built on `fixFile` (every automatic fix, written as UTF-8):
 * - `check --fix`: rewrites each file in place, then `check` reports what is left;
 * - `check --fix-dry-run`: prints what `--fix` would change, as a unified diff, and writes nothing;
 * - `fix`: writes a clean copy beside each file (`cleanCopyName`), never over the original, then checks the copies.
 * Notes about files written go to stderr, so that stdout stays the report (text, JSON or SARIF) or the diff.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FILE_ENCODING_INFO, type LanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
import { cleanCopyName } from '../../common/cleanCopy';
import type { CheckOptions, FixOptions } from './args';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, FileError } from './errors';
import { fixFile, problems, writeUtf8, type FixedFile } from './fixFile';
import { check, type CliIo } from './checkFiles';
import { TOOL_NAME } from './toolInfo';
import { unifiedDiff } from './unifiedDiff';

/** Rewrites each file that a fix changes; returns the files that could not be read or written, with the reason. */
export async function fixInPlace(
  service: LanguageService,
  options: CheckOptions,
  settings: ServiceSettings,
  io: CliIo,
): Promise<[string, string][]> {
  const failed: [string, string][] = [];
  for (const path of options.files) {
    try {
      const file = await fixFile(service, path, io.cwd, settings);
      if (!file.changes) continue;
      writeUtf8(path, io.cwd, file.after);
      io.stderr(`${TOOL_NAME}: fixed ${path}: ${whatChanged(file)}.\n`);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      failed.push([path, error.message]);
    }
  }
  return failed;
}

/** Exit 0 when no file would change, 1 when one would, 2 when one cannot be read. */
export async function printFixes(
  service: LanguageService,
  files: readonly string[],
  settings: ServiceSettings,
  io: CliIo,
): Promise<number> {
  let changing = 0;
  let fixed = 0;
  let unreadable = false;
  for (const path of files) {
    let file: FixedFile;
    try {
      file = await fixFile(service, path, io.cwd, settings);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      unreadable = true;
      continue;
    }
    if (!file.changes) continue;
    changing++;
    fixed += file.fixed;
    const written = file.fixed > 0 ? `UTF-8, ${problems(file.fixed)} fixed` : 'UTF-8';
    const diff = unifiedDiff(path, file.before, file.after, encodingName(file), written);
    // Only the encoding changes: the headers say so.
    await io.stdout(diff || `--- ${path}\t${encodingName(file)}\n+++ ${path}\t${written}\n`);
  }
  const summary =
    changing === 0
      ? `nothing to change in ${plural(files.length, 'file')}`
      : `${changing} of ${plural(files.length, 'file')} would change (${problems(fixed)} fixed)`;
  io.stderr(`${TOOL_NAME}: ${summary}; nothing was written.\n`);
  if (unreadable) return EXIT_USAGE;
  return changing > 0 ? EXIT_PROBLEMS : EXIT_CLEAN;
}

/** Writes the clean copies, then checks them: the report names the copies. */
export async function writeCleanCopies(
  service: LanguageService,
  options: FixOptions,
  settings: ServiceSettings,
  io: CliIo,
): Promise<number> {
  const targets = options.files.map((path) => options.out ?? join(dirname(path), cleanCopyName(basename(path))));
  const original = options.files.find((path, index) => resolve(io.cwd, path) === resolve(io.cwd, targets[index]));
  if (original !== undefined) {
    io.stderr(
      `${TOOL_NAME}: --out names ${original} itself: fix never writes over the original. ` +
        `To rewrite it in place, run "${TOOL_NAME} check --fix ${original}".\n`,
    );
    return EXIT_USAGE;
  }
  const failed: [string, string][] = [];
  for (const [index, path] of options.files.entries()) {
    const target = targets[index];
    try {
      if (!options.force && existsSync(resolve(io.cwd, target))) {
        throw new FileError(`${target} exists already: pass --force to replace it.`);
      }
      const file = await fixFile(service, path, io.cwd, settings);
      writeUtf8(target, io.cwd, file.after);
      io.stderr(`${TOOL_NAME}: wrote ${target} from ${path}: ${whatChanged(file)}.\n`);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      failed.push([target, error.message]);
    }
  }
  return check(service, { ...options, files: targets }, settings, io, new Map(failed));
}

/** "12 problems fixed, UTF-8 (was Windows-1252)". */
function whatChanged(file: FixedFile): string {
  const encoding = file.encoding === 'utf-8' && !file.bom ? 'UTF-8' : `UTF-8 (was ${encodingName(file)})`;
  return `${problems(file.fixed)} fixed, ${encoding}`;
}

function encodingName(file: FixedFile): string {
  return `${FILE_ENCODING_INFO[file.encoding].label}${file.bom ? ' with a byte order mark' : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
