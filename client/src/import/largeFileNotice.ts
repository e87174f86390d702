/**
 * What to say about a CSV file VS Code will not hand to extensions. Above 50 MB the editor keeps the file to itself
 * (no document, no language server), so the extension cannot check it; the CLI streams files of any size.
 */

/** VS Code's limit for syncing a file to extensions. */
export const EXTENSION_SYNC_LIMIT_BYTES = 50 * 1024 * 1024;

export function isTooLargeForExtensions(sizeBytes: number): boolean {
  return sizeBytes > EXTENSION_SYNC_LIMIT_BYTES;
}

/**
 * The shell command that checks the file instead, with the CLI installed from its package (docs/cli.md); the path
 * is quoted for POSIX shells.
 */
export function cliCommandFor(path: string): string {
  return `subscriber-csv check '${path.replace(/'/g, `'\\''`)}'`;
}

export function largeFileMessage(fileName: string, sizeBytes: number): string {
  const megabytes = Math.round(sizeBytes / (1024 * 1024));
  return (
    `${fileName} is ${megabytes} MB. VS Code does not pass files over 50 MB to extensions, so it cannot be checked ` +
    'as you type. Check it from a terminal with the subscriber-csv CLI, which streams files of any size.'
  );
}
