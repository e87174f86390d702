/**
 * What the CLI says about itself: in `--version`, in SARIF's tool.driver, and in help. The version is the CLI
 * package's own (cli/package.json), released with the extension's (a test keeps the two equal).
 */
import { version } from '../package.json';

export const TOOL_NAME = 'subscriber-csv';
export const TOOL_VERSION: string = version;
