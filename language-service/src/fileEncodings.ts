/**
 * The encodings a subscriber file is found saved in, as Excel writes them. The library never sees bytes: the host
 * that read the file (the CLI, the editor's client) says which encoding it found (`ServiceSettings.encoding`), and
 * the rules report anything but UTF-8 once (`file-encoding`), so the file can be saved as UTF-8.
 */
export const FILE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

export type FileEncoding = (typeof FILE_ENCODINGS)[number];

export interface FileEncodingInfo {
  /** The name people know it by. */
  readonly label: string;
  /** Where such a file usually comes from, for messages; absent when there is nothing useful to say. */
  readonly writtenBy?: string;
}

export const FILE_ENCODING_INFO: Readonly<Record<FileEncoding, FileEncodingInfo>> = {
  'utf-8': { label: 'UTF-8', writtenBy: 'Excel\'s "CSV UTF-8"' },
  'utf-16le': { label: 'UTF-16 LE', writtenBy: 'Excel\'s "Unicode Text"' },
  'utf-16be': { label: 'UTF-16 BE' },
  'windows-1252': { label: 'Windows-1252', writtenBy: 'Excel\'s "CSV (Comma delimited)" on Windows' },
};

/** True for one of the encodings above (settings come from other processes, so they are checked). */
export function isFileEncoding(value: unknown): value is FileEncoding {
  return typeof value === 'string' && (FILE_ENCODINGS as readonly string[]).includes(value);
}
