/**
 * What the CLI says about itself: in `--version`, in SARIF's tool.driver, and in help.
 */
import { version } from '../../package.json';

export const TOOL_NAME = 'subscriber-csv';
export const TOOL_VERSION: string = version;
