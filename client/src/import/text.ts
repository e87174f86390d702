/**
 * Small wording helpers shared by the messages of the import: counts with the right plural, and an endpoint named
 * by its host so a message never carries a path or query that could hold a secret.
 */

/** `1 user`, `2 users`; `plural(0, 'entry', 'entries')` gives `0 entries`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The host (with a port when one is given) of an endpoint URL, or the text itself when it is not a URL. */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host || endpoint;
  } catch {
    return endpoint;
  }
}
