import { escapeAttribute, escapeHtml } from './html';

/** What a webview document needs from the host: URIs already converted with asWebviewUri, and a fresh nonce. */
export interface WebviewDocumentParts {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce for this document's script. */
  readonly nonce: string;
  readonly title: string;
  readonly styleUris: readonly string[];
  readonly scriptUri: string;
  /** Pre-escaped body HTML (from renderPaperBody). */
  readonly bodyHtml: string;
  /** Initial state for the script, stored as JSON in a data- attribute (never inside a script tag). */
  readonly state: unknown;
}

/**
 * The content security policy of a webview document: nothing by default; styles, fonts and images only from the
 * extension's own resources; one script, identified by its nonce. No inline styles, no eval, no frames, no network.
 */
export function webviewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A whole webview document under a strict CSP. Every interpolated value is escaped. */
export function renderWebviewDocument(parts: WebviewDocumentParts): string {
  const styles = parts.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(webviewCsp(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(parts.title)}</title>
${styles}
</head>
<body>
<div id="root" data-state="${escapeAttribute(JSON.stringify(parts.state))}">${parts.bodyHtml}</div>
<script nonce="${escapeAttribute(parts.nonce)}" src="${escapeAttribute(parts.scriptUri)}"></script>
</body>
</html>`;
}
