/**
 * Reads the `--tenant` JSON file: the tenant's known IDs, and optionally its PIN notification and the role, in the
 * tenant vocabulary every part of the project reads (`readTenantData`), in the library's spelling or the flags'.
 *
 * Unlike the editor settings (where a bad value falls back to a default), a file the user names on the command
 * line is checked strictly: a typo in a key or an ID would otherwise silently switch a check off. Messages name the
 * key and the type found, never the value: a misplaced value can be anything, and CI logs keep what is printed.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readTenantData, type TenantData } from '@subscriber-csv/language-service';
import { fileInMessage, UsageError } from './errors';
import { describeIoError } from './readFile';

export async function readTenantFile(path: string, cwd: string): Promise<TenantData> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read tenant file ${fileInMessage(path, error, 'the tenant file')}: ${describeIoError(error)}.`,
    );
  }
  let json: unknown;
  try {
    // Editors on Windows may save JSON with a byte order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // Newer Node versions quote the text around the mistake: only its position is kept.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new UsageError(`tenant file ${path} is not valid JSON${position ? ` (at character ${position})` : ''}.`);
  }
  const { data, problems } = readTenantData(json, { otherKeys: 'refuse' });
  if (problems.length > 0) throw new UsageError(`tenant file ${path}: ${problems[0]}`);
  return data;
}
