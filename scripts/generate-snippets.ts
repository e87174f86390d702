/**
 * Writes snippets/subscriber-csv.json from the rules library's column table and the template's example rows, so
 * the snippets never hold a second copy of the column order. Run with `npm run snippets`; a unit test fails when
 * the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '@subscriber-csv/language-service';

export const SNIPPETS_PATH = join(__dirname, '..', 'snippets', 'subscriber-csv.json');

export function snippetsJson(): string {
  return JSON.stringify(getLanguageService().getRowSnippets(), null, 2) + '\n';
}

if (require.main === module) {
  writeFileSync(SNIPPETS_PATH, snippetsJson());
  console.log(`wrote ${SNIPPETS_PATH}`);
}
