/**
 * `subscriberCsv.newSubscriberFile`: opens a new, untitled subscriber file holding the header (every column, or
 * the ones picked) and one example User and Location row, so a newcomer starts from a file that already checks
 * clean. Automation (tests, the walkthrough) can pass `{ columns: 'all' | string[] }` to skip the questions.
 *
 * The columns and the text come from the language server (the rules library's table and template): the client
 * does not carry the column table.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  NewFileColumnsRequest,
  NewFileTextRequest,
  SUBSCRIBER_LANGUAGE_ID,
  type NewFileColumn,
} from '../../../common/protocol';

export const NEW_FILE_COMMAND = 'subscriberCsv.newSubscriberFile';

/** Opens the new file and resolves with it, or with undefined when the person cancelled a question. */
export async function newSubscriberFile(
  client: LanguageClient,
  argument?: unknown,
): Promise<vscode.TextDocument | undefined> {
  const columns = columnsFromArgument(argument) ?? (await askColumns(client));
  if (!columns) return undefined;
  const content = await client.sendRequest(NewFileTextRequest.type, { columns });
  const document = await vscode.workspace.openTextDocument({ language: SUBSCRIBER_LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
  return document;
}

function columnsFromArgument(argument: unknown): 'all' | string[] | undefined {
  if (typeof argument !== 'object' || argument === null || !('columns' in argument)) return undefined;
  const { columns } = argument;
  if (columns === 'all') return 'all';
  if (Array.isArray(columns) && columns.every((name) => typeof name === 'string')) return columns;
  return undefined;
}

async function askColumns(client: LanguageClient): Promise<'all' | string[] | undefined> {
  const columns: NewFileColumn[] = await client.sendRequest(NewFileColumnsRequest.type);
  const all = `All ${columns.length} columns`;
  const choose = 'Choose the columns…';
  const how = await vscode.window.showQuickPick(
    [
      { label: all, detail: columns.map((column) => column.name).join(', ') },
      { label: choose, detail: 'Pick from the list; columns left out take their defaults on import.' },
    ],
    // Kept open when focus moves: run from the palette over the walkthrough, the walkthrough takes the focus back
    // as the palette closes, which would otherwise close this question at once.
    { title: 'New Subscriber File', placeHolder: 'Which columns should the header have?', ignoreFocusOut: true },
  );
  if (!how) return undefined;
  if (how.label === all) return 'all';

  const required = columns.filter((column) => column.required).map((column) => column.name);
  const picked = await vscode.window.showQuickPick(
    columns.map((column) => ({
      label: column.name,
      description: column.required ? `${column.title} (always included)` : column.title,
      picked: column.required,
    })),
    {
      title: 'New Subscriber File: columns',
      placeHolder: `Pick the columns; ${required.join(' and ')} are always included`,
      canPickMany: true,
      matchOnDescription: true,
      ignoreFocusOut: true,
    },
  );
  return picked?.map((item) => item.label);
}
