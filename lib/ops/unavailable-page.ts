import { MESSAGES, isLocale, type Locale } from "@/lib/i18n/config";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The 503 page the proxy answers with while the database is unreachable (proxy.ts): the same words
 * as app/error.tsx, in the visitor's language, no script. `Retry-After` asks clients to come back.
 */
export function unavailableResponse(errorId: string, lang: string | undefined, nonce: string): Response {
  const locale: Locale = isLocale(lang) ? lang : "id";
  const t = MESSAGES[locale].errors;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(t.unavailableTitle)}</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}h1{font-size:1.5rem}code{font-size:1.125rem}</style></head>
<body><main><h1>${escape(t.unavailableTitle)}</h1><p>${escape(t.unavailable)}</p><p><code data-testid="error-id">${escape(errorId)}</code></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "10" },
  });
}
