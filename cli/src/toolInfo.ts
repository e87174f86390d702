/**
 * What the CLI says about itself: in `--version`, in SARIF's tool.driver, and in help.
 */
import { CATALOG_URL } from '@subscriber-csv/language-service';
import { version } from '../../package.json';

export const TOOL_NAME = 'subscriber-csv';
export const TOOL_VERSION: string = version;
/** The project's home page: the catalog lives in its docs folder. */
export const INFORMATION_URI = CATALOG_URL.replace(/\/blob\/.*$/, '');
