/**
 * What the CLI says about itself: in `--version`, in SARIF's tool.driver, and in help.
 */
import { version } from '../../package.json';
import { CATALOG_URL } from '../../language-service/src/diagnosticCatalog';

export const TOOL_NAME = 'subscriber-csv';
export const TOOL_VERSION: string = version;
/** The project's home page: the catalog lives in its docs folder. */
export const INFORMATION_URI = CATALOG_URL.replace(/\/blob\/.*$/, '');

/** The catalog entry that explains a diagnostic code. */
export function helpUri(code: string): string {
  return `${CATALOG_URL}#${code}`;
}
