/**
 * Links each diagnostic's code to its entry in the diagnostics catalog that ships beside the server
 * (`docs/diagnostics.md`, in the VSIX as in the repository), so that a click on the code opens it for an installed
 * user, offline, with no web page to keep up. The project has no public home, so the rules library gives no link
 * of its own: where the catalog sits is known only here.
 *
 * The link is a `file:` URI with the heading's line as `#L<line>`: VS Code opens a file URI in an editor at that
 * line from the hover, the error peek and the Problems panel alike (1.82 and the newest), and a remote extension
 * host's file URIs reach the workbench as the remote's. A `command:` URI would not do: the newest VS Code no longer
 * runs commands from a diagnostic's link in the hover (microsoft/vscode#329652).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { isKnownCode, type DiagnosticCode } from '@subscriber-csv/language-service';

/** A code's section starts with its name as a level-2 heading (`npm run docs:diagnostics` writes them so). */
const HEADING = /^## (\S+)\s*$/;

export interface CatalogLinks {
  /** The link to a code's entry, or undefined when the catalog has none. */
  hrefOf(code: DiagnosticCode): string | undefined;
  /**
   * Sets `codeDescription` on each diagnostic of a known code with an entry that has none yet (a diagnostic
   * published before is frozen, and already has it); returns the same array.
   */
  addTo<T extends Diagnostic[]>(diagnostics: T): T;
}

/** The links into `markdown`, the catalog's text, found at `fileUrl`. */
export function catalogLinksIn(markdown: string, fileUrl: string): CatalogLinks {
  const hrefs = new Map<string, string>();
  markdown.split(/\r?\n/).forEach((line, index) => {
    const code = HEADING.exec(line)?.[1];
    if (code !== undefined && isKnownCode(code) && !hrefs.has(code)) hrefs.set(code, `${fileUrl}#L${index + 1}`);
  });
  return {
    hrefOf: (code) => hrefs.get(code),
    addTo(diagnostics) {
      for (const diagnostic of diagnostics) {
        const href = hrefs.get(String(diagnostic.code));
        if (href !== undefined && diagnostic.codeDescription?.href !== href) diagnostic.codeDescription = { href };
      }
      return diagnostics;
    },
  };
}

/**
 * The links into the catalog file at `path`. A catalog that cannot be read (a server run without it) gives no
 * links, never a link to nowhere; `warn` says so once.
 */
export function loadCatalogLinks(path: string, warn: (message: string) => void): CatalogLinks {
  try {
    return catalogLinksIn(readFileSync(path, 'utf8'), pathToFileURL(path).href);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    warn(`The diagnostics catalog was not found beside the server (${reason}): diagnostics carry no links.`);
    return catalogLinksIn('', '');
  }
}
