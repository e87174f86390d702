/**
 * The row form's page: a shell with a strict Content-Security-Policy (nothing loads but our own script, which must
 * carry the page's nonce, and our own style sheet). The row itself arrives as a message and is put into the page
 * with `textContent` and `value`, never as HTML, so no cell text can become markup. Pure, for tests.
 */

export interface RowFormPage {
  /** `webview.cspSource`: where the webview may load our resources from. */
  cspSource: string;
  /** A fresh random value each time the page is built. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function rowFormHtml(page: RowFormPage): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>Row form</title>
</head>
<body>
<main id="form" aria-live="polite"><p class="empty">Loading the row…</p></main>
<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}

/** Text safe inside an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
