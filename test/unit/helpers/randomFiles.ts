/**
 * Small random subscriber files for tests that compare two ways of validating: every row can hold a mistake,
 * quoted names with commas and escaped quotes, a value another row also uses, a missing cell, an empty line;
 * line breaks are LF, CRLF or CR.
 */
export const RANDOM_FILE_HEADER = 'Type,FirstName,LastName,Email,MobilePhone,Extension,VM,Dsite,PIN,SysPIN';

export function randomFile(random: () => number, rows: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const lines = [RANDOM_FILE_HEADER];
  for (let row = 0; row < rows; row++) {
    const extension = String(100 + Math.floor(random() * 12));
    const email = random() < 0.2 ? '' : `${pick(['ann', 'bo', 'cy', 'Ann'])}@example.com`;
    const last = pick(['Lee', '"Lee, Jr."', 'Müller', '"O""Neil"', '', '"Two\nLines"', '=SUM(A1)']);
    const cells = [pick(['User', 'Location', 'user']), pick(['Ann', '', ' Bo']), last, email, pick(['6175550100', '617-555', '']),
      extension, pick(['y', 'n', 'Yes', '']), pick(['', 'y']), pick(['', '1234', '7391']), pick(['y', 'n'])]; // prettier-ignore
    lines.push(random() < 0.05 ? '' : cells.slice(0, random() < 0.1 ? 6 : cells.length).join(','));
  }
  const lineBreak = pick(['\n', '\r\n', '\r']);
  return lines.join(lineBreak) + (random() < 0.5 ? lineBreak : '');
}
