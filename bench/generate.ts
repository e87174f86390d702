/**
 * Deterministic synthetic subscriber files: the 32 import columns, realistic values and quoting (names with
 * commas and escaped quotes, accented and non-Latin-1 names), and about 1% of rows with one defect each.
 *
 * The same seed and row count always give the same bytes, so every run of the benchmark measures the same
 * text. Generation streams rows to a file, so the 1M-row file never has to sit in memory as one string.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { COLUMNS, type ColumnName } from '@subscriber-csv/language-service';

/** Bump when the generator changes, so that cached files from an older generator are not reused. */
const GENERATOR_VERSION = 2;

/** Rows with a defect, as a fraction of data rows. */
export const DEFECT_RATE = 0.01;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Ann', 'Bruno', 'Carla', 'David', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ines', 'James', 'Kofi', 'Lena', 'Mateo',
  'Nadia', 'Oscar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tomás', 'Uma', 'Victor', 'Wei', 'Xavier', 'Yara', 'Zoë',
  'José', 'Françoise', 'Søren', 'Łukasz', 'Mary Ann', 'Jean-Luc', 'Siobhán', 'Björn', 'Chloé', 'Dmitri',
]; // prettier-ignore

const LAST_NAMES = [
  'Lee', 'Müller', 'Smith', 'García', 'Nguyễn', "O'Neil", 'Kowalski', 'Dvořák', 'Johnson', 'Brown', 'Tanaka',
  'Okafor', 'Rossi', 'Martin', 'Silva', 'Novak', 'Andersson', 'Dubois', 'Schmidt', 'Patel', 'Khan', 'Cohen',
  'van der Berg', 'Ó Súilleabháin', 'Williams', 'Taylor', 'Moreau', 'Ivanova', 'Haddad', 'Fischer',
]; // prettier-ignore

const LOCATIONS = ['Lobby', 'Conference Room', 'Break Room', 'Reception', 'Warehouse', 'Front Desk', 'Lab'];

const AREA_CODES = ['212', '312', '415', '617', '646', '702', '713', '805', '917', '972'];

const DOMAINS = ['northwind-traders.example.com', 'contoso-logistics.example.net', 'fabrikam.example.org'];

/** The defects a row can carry, each a mistake people make in real exports. */
const DEFECTS = [
  'invalid-email',
  'phone-punctuation',
  'duplicate-extension',
  'duplicate-email',
  'value-case',
  'not-yes-no',
  'required-value',
  'too-few-fields',
  'above-maximum',
  'telco-only-ignored',
  'invalid-choice',
] as const;

export type Defect = (typeof DEFECTS)[number];

export const HEADER: readonly string[] = COLUMNS.map((column) => column.name);
const FIELD = new Map(HEADER.map((name, index) => [name, index]));

function field(name: ColumnName): number {
  const index = FIELD.get(name);
  if (index === undefined) throw new Error(`No column ${name}`);
  return index;
}

/** Quotes a value the way spreadsheet exports do: only when it holds a comma, a quote or a line break. */
function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface GeneratedRow {
  line: string;
  defect: Defect | undefined;
}

/** Produces the data rows one at a time; `index` is the zero-based data row. */
export class RowGenerator {
  private readonly random: () => number;
  private readonly recentExtensions: string[] = [];
  private readonly recentEmails: string[] = [];

  constructor(seed: number) {
    this.random = createRandom(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i++) text += Math.floor(this.random() * 10);
    return text;
  }

  private phone(): string {
    return `${this.pick(AREA_CODES)}555${this.digits(4)}`;
  }

  private yesNo(blankChance = 0.05): string {
    if (this.chance(blankChance)) return '';
    return this.chance(0.5) ? 'y' : 'n';
  }

  row(index: number): GeneratedRow {
    const cells: string[] = new Array(HEADER.length).fill('');
    const isUser = this.chance(0.92);
    const extension = String(100000 + index);
    let email = '';
    cells[field('Type')] = isUser ? 'User' : 'Location';
    if (isUser) {
      const first = this.pick(FIRST_NAMES);
      let last = this.pick(LAST_NAMES);
      // About 2% of names carry a suffix after a comma, and a few a nickname in quotes: both need quoting.
      if (this.chance(0.02)) last = `${last}, ${this.pick(['Jr.', 'Sr.', 'III', 'PhD'])}`;
      else if (this.chance(0.003)) last = `${last} "${this.pick(['Jay', 'Bo', 'Kit'])}"`;
      cells[field('FirstName')] = first;
      cells[field('LastName')] = last;
      if (!this.chance(0.08)) {
        email = `${asciiOf(first)}.${asciiOf(last)}.${index}@${this.pick(DOMAINS)}`.toLowerCase();
      }
    } else {
      cells[field('LastName')] = `${this.pick(LOCATIONS)}, Building ${1 + Math.floor(this.random() * 9)}`;
    }
    cells[field('Email')] = email;
    if (this.chance(0.5)) cells[field('HomePhone')] = this.phone();
    if (this.chance(0.85)) cells[field('MobilePhone')] = this.phone();
    cells[field('Extension')] = extension;
    if (this.chance(0.8)) cells[field('Language')] = 'en';
    if (this.chance(0.8)) cells[field('IncomingDID')] = `1${this.phone()}`;
    cells[field('OutgoingCLID')] = this.chance(0.2) ? this.phone() : this.pick(['', '0', '-1', '0']);
    cells[field('Privacy')] = this.yesNo();
    cells[field('HFAback')] = this.yesNo();
    cells[field('Locked')] = this.yesNo();
    cells[field('Hold')] = this.pick(['', '1', '2', '3']);
    cells[field('DirAccess')] = this.pick(['', 'both', 'dial', 'none', 'both']);
    cells[field('MaxDevices')] = this.pick(['', '1', '2', '3', '5', '2', '3']);
    for (const name of ['Twin', 'SCR', 'ODCR', 'VM', 'Agent'] as const) cells[field(name)] = this.yesNo();
    cells[field('CAdmin')] = this.chance(0.02) ? 'y' : 'n';
    cells[field('EAdmin')] = 'n';
    cells[field('CallProfile')] = this.pick(['', '1', '2', '3', '12', '14']);
    cells[field('KeyProfile')] = this.pick(['-1', '-1', '4', '7', '']);
    if (this.chance(0.6)) {
      cells[field('PIN')] = this.digits(4 + Math.floor(this.random() * 5));
      cells[field('SysPIN')] = 'n';
    } else {
      cells[field('SysPIN')] = email !== '' && this.chance(0.5) ? 'y' : 'n';
    }

    const defect = this.chance(DEFECT_RATE) ? this.pick(DEFECTS) : undefined;
    if (defect) this.applyDefect(defect, cells);
    this.remember(this.recentExtensions, cells[field('Extension')]);
    if (cells[field('Email')] !== '') this.remember(this.recentEmails, cells[field('Email')]);
    const width = defect === 'too-few-fields' ? HEADER.length - 3 : HEADER.length;
    return { line: cells.slice(0, width).map(quote).join(','), defect };
  }

  private applyDefect(defect: Defect, cells: string[]): void {
    switch (defect) {
      case 'invalid-email':
        cells[field('Email')] = `${asciiOf(this.pick(FIRST_NAMES)).toLowerCase()}.example.com`;
        cells[field('SysPIN')] = 'n';
        break;
      case 'phone-punctuation':
        cells[field('MobilePhone')] = `(${this.pick(AREA_CODES)}) 555-${this.digits(4)}`;
        break;
      case 'duplicate-extension':
        if (this.recentExtensions.length > 0) cells[field('Extension')] = this.pick(this.recentExtensions);
        break;
      case 'duplicate-email':
        if (this.recentEmails.length > 0) cells[field('Email')] = this.pick(this.recentEmails);
        break;
      case 'value-case':
        cells[field('DirAccess')] = 'Both';
        break;
      case 'not-yes-no':
        cells[field('VM')] = this.pick(['Yes', 'true', 'x', 'maybe']);
        break;
      case 'required-value':
        cells[field('LastName')] = '';
        break;
      case 'too-few-fields':
        break;
      case 'above-maximum':
        cells[field('MaxDevices')] = '12';
        break;
      case 'telco-only-ignored':
        cells[field('Dsite')] = 'y';
        break;
      case 'invalid-choice':
        cells[field('Type')] = 'Person';
        break;
    }
  }

  private remember(list: string[], value: string): void {
    if (list.length < 64) list.push(value);
    else list[Math.floor(this.random() * list.length)] = value;
  }
}

/** Plain letters for an email's local part. */
function asciiOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .replace(/^$/, 'x');
}

export interface GeneratedFile {
  path: string;
  rows: number;
  bytes: number;
}

/** Where generated files are kept between runs. */
export function cacheDir(): string {
  const dir = join(tmpdir(), 'subscriber-csv-bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Writes (or reuses) the file of `rows` data rows for `seed`: a header, then the rows, CRLF line ends as
 * spreadsheet exports write them, and a final line break.
 */
export async function generateFile(rows: number, seed: number): Promise<GeneratedFile> {
  const path = join(cacheDir(), `subscribers-${rows}-s${seed}-g${GENERATOR_VERSION}.csv`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial`;
    const out = createWriteStream(partial, { encoding: 'utf8' });
    const generator = new RowGenerator(seed);
    let chunk = `${HEADER.join(',')}\r\n`;
    for (let index = 0; index < rows; index++) {
      chunk += `${generator.row(index).line}\r\n`;
      if (chunk.length > 1 << 16) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    renameSync(partial, path);
  }
  return { path, rows, bytes: statSync(path).size };
}

/**
 * The same file with one stray quote: the first data row's LastName opens a quote that never closes, so from
 * there on the whole file is one cell, as a single mistyped quote in a spreadsheet export makes it. The check must
 * stay linear in time and flat in memory on it.
 */
export async function generateStrayQuoteFile(clean: GeneratedFile): Promise<GeneratedFile> {
  const path = clean.path.replace(/\.csv$/, '-stray-quote.csv');
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial`;
    const input = createReadStream(clean.path);
    const out = createWriteStream(partial);
    let done = false;
    for await (const chunk of input) {
      let bytes = chunk as Buffer;
      if (!done) {
        // After the header's line break and the first row's Type cell: `User,"Ann…` never closes.
        const headerEnd = bytes.indexOf(10);
        const firstComma = bytes.indexOf(44, headerEnd + 1);
        bytes = Buffer.concat([bytes.subarray(0, firstComma + 1), Buffer.from('"'), bytes.subarray(firstComma + 1)]);
        done = true;
      }
      if (!out.write(bytes)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    renameSync(partial, path);
  }
  return { path, rows: clean.rows, bytes: statSync(path).size };
}
