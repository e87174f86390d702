/**
 * The documents the language server serves: subscriber files by language, and every CSV whatever language another
 * extension gave it (the server sniffs the header and stays silent on CSV files that are not subscriber files).
 * Plain filters, so that both the language client and `vscode.languages.match` take them.
 */
import { SUBSCRIBER_LANGUAGE_ID } from '../../common/protocol';

export const SERVED_DOCUMENTS: ({ language: string } | { pattern: string })[] = [
  { language: SUBSCRIBER_LANGUAGE_ID },
  { language: 'csv' },
  { pattern: '**/*.csv' },
];

/**
 * Where the language status items appear: every document the server serves. A `.csv` is plain text where no CSV
 * extension is installed, and its status (a subscriber file by its header, or not one) matters all the same.
 */
export const STATUS_DOCUMENTS = SERVED_DOCUMENTS;
