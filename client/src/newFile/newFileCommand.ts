/**
 * `subscriberCsv.newSubscriberFile`: opens a new, untitled subscriber file holding the header (every column, or
 * the ones picked) and one example User and Location row, so a newcomer starts from a file that already checks
 * clean. Automation (tests, the walkthrough) can pass `{ columns: 'all' | string[] }` to skip the questions.
 */
import * as vscode from 'vscode';
import { SUBSCRIBER_LANGUAGE_ID } from '../../../common/protocol';
import { COLUMNS } from '@subscriber-csv/language-service';
import { allColumnNames, requiredColumnNames, templateText } from './template';

export const NEW_FILE_COMMAND = 'subscriberCsv.newSubscriberFile';

/** Opens the new file and resolves with it, or with undefined when the person cancelled a question. */
export async function newSubscriberFile(argument?: unknown): Promise<vscode.TextDocument | undefined> {
  const columns = columnsFromArgument(argument) ?? (await askColumns());
  if (!columns) return undefined;
  const document = await vscode.workspace.openTextDocument({
    language: SUBSCRIBER_LANGUAGE_ID,
    content: templateText(columns),
  });
  await vscode.window.showTextDocument(document);
  return document;
}

function columnsFromArgument(argument: unknown): string[] | undefined {
  if (typeof argument !== 'object' || argument === null || !('columns' in argument)) return undefined;
  const { columns } = argument;
  if (columns === 'all') return allColumnNames();
  if (Array.isArray(columns) && columns.every((name) => typeof name === 'string')) return columns;
  return undefined;
}

async function askColumns(): Promise<string[] | undefined> {
  const all = `All ${COLUMNS.length} columns`;
  const choose = 'Choose the columns…';
  const how = await vscode.window.showQuickPick(
    [
      { label: all, detail: allColumnNames().join(', ') },
      { label: choose, detail: 'Pick from the list; columns left out take their defaults on import.' },
    ],
    // Kept open when focus moves: run from the palette over the walkthrough, the walkthrough takes the focus back
    // as the palette closes, which would otherwise close this question at once.
    { title: 'New Subscriber File', placeHolder: 'Which columns should the header have?', ignoreFocusOut: true },
  );
  if (!how) return undefined;
  if (how.label === all) return allColumnNames();

  const required = new Set(requiredColumnNames());
  const picked = await vscode.window.showQuickPick(
    COLUMNS.map((column) => ({
      label: column.name,
      description: required.has(column.name) ? `${column.title} (always included)` : column.title,
      picked: required.has(column.name),
    })),
    {
      title: 'New Subscriber File: columns',
      placeHolder: `Pick the columns; ${[...required].join(' and ')} are always included`,
      canPickMany: true,
      matchOnDescription: true,
      ignoreFocusOut: true,
    },
  );
  return picked?.map((item) => item.label);
}
