/**
 * Where a clean copy goes: beside the original, named after it, so that it is found and never taken for it.
 * `team.csv` → `team.clean.csv`; `team.subscribers.csv` → `team.clean.subscribers.csv` (still a subscriber file by
 * its name); a file that is not a `.csv` (Excel's "Unicode Text" is a `.txt`) → `team.clean.csv`, the kind of file
 * the vendor's import page takes. Used by the CLI's `fix` and the editor's Save Clean Copy.
 */
export function cleanCopyName(fileName: string): string {
  const subscribers = /\.subscribers\.csv$/i.exec(fileName);
  if (subscribers) return `${fileName.slice(0, subscribers.index)}.clean${subscribers[0]}`;
  const csv = /\.csv$/i.exec(fileName);
  if (csv) return `${fileName.slice(0, csv.index)}.clean${csv[0]}`;
  const extension = /\.[^./\\]*$/.exec(fileName);
  return `${extension ? fileName.slice(0, extension.index) : fileName}.clean.csv`;
}
