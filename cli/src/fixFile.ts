/**
 * One file with every automatic fix applied (the rules library's `getFixAllEdits`), read in its own encoding and
 * written as UTF-8: for `check --fix`, `check --fix-dry-run` and `fix`. The file is read whole (a fix can rewrite
 * all of it, and the result is written whole); a 10,000-row export is a few megabytes.
 */
import { chmodSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileEncoding, LanguageService, ServiceSettings } from '@subscriber-csv/language-service';
import { encodeUtf8 } from '../../common/fileEncoding';
import { FileError } from './errors';
import { describeIoError, readTextFile } from './readFile';

export interface FixedFile {
  /** The text as read (decoded, without a byte order mark) and with every automatic fix applied. */
  before: string;
  after: string;
  /** How many problems the fixes fix. */
  fixed: number;
  encoding: FileEncoding;
  bom: boolean;
  /** True when writing `after` as UTF-8 changes the file: a fix, or another encoding or a byte order mark. */
  changes: boolean;
}

export async function fixFile(
  service: LanguageService,
  path: string,
  cwd: string,
  settings: ServiceSettings,
): Promise<FixedFile> {
  const { text, encoding, bom } = await readTextFile(path, cwd);
  const document = TextDocument.create(`file:///${encodeURIComponent(path)}`, 'subscriber-csv', 1, text);
  const { edits, fixed } = service.getFixAllEdits(service.parse(document), { ...settings, encoding });
  const after = TextDocument.applyEdits(document, edits);
  return { before: text, after, fixed, encoding, bom, changes: after !== text || encoding !== 'utf-8' || bom };
}

/**
 * Writes `text` as UTF-8 to `path` (relative to `cwd`): to a temporary file beside it, then renamed over it, so that
 * an interrupted write never leaves half a file. A file that exists keeps its permissions.
 */
export function writeUtf8(path: string, cwd: string, text: string): void {
  const absolute = resolve(cwd, path);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, encodeUtf8(text), { flag: 'wx' });
    const mode = existingMode(absolute);
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, absolute);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FileError(`cannot write ${path}: ${describeIoError(error)}.`);
  }
}

function existingMode(absolute: string): number | undefined {
  try {
    return statSync(absolute).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** "1 problem", "12 problems". */
export function problems(count: number): string {
  return `${count.toLocaleString('en-US')} problem${count === 1 ? '' : 's'}`;
}
