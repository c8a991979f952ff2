/**
 * The page of one of the extension's webviews (Topology, Plan): no content of its own, a script
 * and a style sheet from the extension, and a Content-Security-Policy that allows nothing else —
 * no remote content, no inline script, only the script carrying this page's nonce. The
 * definition's names arrive later as message data and are set as text by the script.
 */
export function webviewPage(page: {
  readonly title: string;
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `img-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(page.styleUri)}">
<title>${attribute(page.title)}</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="empty">Reading the definition…</p></main>
<script nonce="${attribute(page.nonce)}" src="${attribute(page.scriptUri)}"></script>
</body>
</html>`;
}

/** A nonce of 32 characters from a cryptographic source. */
export function makeNonce(random: (size: number) => Uint8Array): string {
  return Buffer.from(random(24))
    .toString('base64')
    .replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c]!);
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
