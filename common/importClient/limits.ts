/**
 * Sizes: how much of an answer the client reads, and how large a file the endpoint takes.
 *
 * An answer is capped so that a broken or hostile endpoint cannot make the editor hold gigabytes, but the cap of an
 * import's answer grows with the file: the contract lists every row, so a legitimate answer grows with the rows
 * (about 80 bytes for a created row, a few hundred for a refused one, more when its reason quotes a long cell). A
 * fixed cap lost the answer of a committed 105,000-row import (8.4 MB) and reported it as a failure.
 */

/** The cap for any answer, however small the file. */
const BASE_ANSWER_BYTES = 8 * 1024 * 1024;
/** Per line of the file: a row's result with a reason, well above what the contract's fields take. */
const ANSWER_BYTES_PER_LINE = 1024;
/** Per byte of the file: a reason may quote the row's cells, and JSON escaping can multiply a character by 6. */
const ANSWER_BYTES_PER_FILE_BYTE = 8;
/** The tenant answer grows with the tenant: 32 MiB holds about 2.5 million extensions in use. */
export const TENANT_ANSWER_BYTES = 32 * 1024 * 1024;

/** The most the client reads of the answer to an upload of `csvText`. */
export function importAnswerCap(csvText: string, fileBytes: number): number {
  let lines = 1;
  for (let at = csvText.indexOf('\n'); at !== -1; at = csvText.indexOf('\n', at + 1)) lines++;
  return BASE_ANSWER_BYTES + lines * ANSWER_BYTES_PER_LINE + fileBytes * ANSWER_BYTES_PER_FILE_BYTE;
}

/**
 * The largest file each endpoint said it imports (`limits.importBytes` of its tenant answer), in this process.
 * The editor and the CLI load the tenant before they upload, so the upload can refuse a file that is too large
 * before sending any of it; an endpoint that does not say is left to answer 413.
 */
const announcedLimits = new Map<string, number>();

export function rememberImportLimit(endpoint: string, limitBytes: number | undefined): void {
  if (limitBytes === undefined) announcedLimits.delete(endpoint);
  else announcedLimits.set(endpoint, limitBytes);
}

export function announcedImportLimit(endpoint: string): number | undefined {
  return announcedLimits.get(endpoint);
}
