/**
 * Starts the sandbox in-process for a test: port 0, a database file in a fresh temp folder, every log line kept so
 * that tests can assert what it never says. Also the small CSV files the tests upload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '@subscriber-csv/language-service';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox/src/sandbox';

export interface TestSandbox {
  sandbox: RunningSandbox;
  logs: string[];
  dbPath: string;
  /** Closes the sandbox and deletes its folder. */
  dispose(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-sandbox-'));
  const dbPath = options.dbPath ?? join(dir, 'sandbox.sqlite');
  const logs: string[] = [];
  const sandbox = await startSandbox({ port: 0, dbPath, log: (line) => logs.push(line), ...options });
  return {
    sandbox,
    logs,
    dbPath,
    async dispose() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PINs no other value in the files below contains, so that a leak is unmistakable. */
export const PINS = ['482913', '771045'];

export const HEADER = 'Type,FirstName,LastName,Email,Extension,CallProfile,KeyProfile,Dsite,DsiteZone,PIN,SysPIN';

/** Three rows the seeded tenant accepts: extensions 201–203, none of them taken. */
export const CLEAN_FILE = [
  HEADER,
  `User,Ann,Lee,ann.lee@example.com,201,1,-1,,,${PINS[0]},n`,
  'User,Bruno,Müller,bruno@example.com,202,2,4,,,,y',
  'Location,,Board Room,,203,3,-1,,,,n',
  '',
].join('\n');

/** Row 2 has a PIN with a letter in it (an error quoting the value) and row 3 an unknown call profile. */
export const FILE_WITH_BAD_ROWS = [
  HEADER,
  'User,Ann,Lee,ann.lee@example.com,301,1,-1,,,,n',
  `User,Bruno,Müller,bruno@example.com,302,2,4,,,${PINS[1]}x,n`,
  'User,Carla,Diaz,carla@example.com,303,99,-1,,,,n',
  '',
].join('\n');

/** Extension 110 belongs to a seeded user. */
export const FILE_WITH_TAKEN_EXTENSION = [
  HEADER,
  'User,Ann,Lee,ann.lee@example.com,401,1,-1,,,,n',
  'User,Dana,Again,dana@example.com,110,1,-1,,,,n',
  '',
].join('\n');

/** Dsite and DsiteZone are telco-only columns. */
export const FILE_WITH_TELCO_COLUMNS = [HEADER, 'User,Tia,Ng,tia@example.com,501,1,-1,y,2,,n', ''].join('\n');

/** Asserts that no text holds any of the secrets; names the first offender. */
/** The file's secret values (PINs), found by the rules library as the extension and the CLI find them. */
export function secretValuesOf(text: string): string[] {
  const service = getLanguageService();
  return service.parse(TextDocument.create('file:///upload.csv', 'subscriber-csv', 1, text)).secretValues();
}

export function findLeak(texts: readonly string[], secrets: readonly string[]): string | undefined {
  for (const text of texts) {
    for (const secret of secrets) if (text.includes(secret)) return `"${text}" holds a secret`;
  }
  return undefined;
}
