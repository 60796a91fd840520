/**
 * The shell of the self-contained HTML documents Threadmark writes (the codebook, a retrieval):
 * inline CSS, no script, no external resource, a CSP that allows nothing else, and a header
 * whose h1 is the title. Everything passed in is HTML already; project text goes through escapeHtml.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface HtmlPage {
  /** Escaped; the page's <title> and its <h1>. */
  title: string;
  /** The CSS of the <style> element. */
  style: string;
  /** The header's lines under the h1, each ending in a newline. */
  header: string;
  /** What follows the header in <body>. */
  body: string;
}

export function htmlPage({ title, style, header, body }: HtmlPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
${style}
</style>
</head>
<body>
<header>
<h1>${title}</h1>
${header}</header>
${body}
</body>
</html>
`;
}
