/** Numbers as messages write them. */

/** 12345 as "12,345" (without toLocaleString, whose first call loads locale data). */
export function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
