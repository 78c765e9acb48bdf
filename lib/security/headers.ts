/**
 * The security headers of every response (docs/decisions/0015-abuse-limits.md §Headers), built per
 * request by proxy.ts: a Content-Security-Policy with a fresh nonce (Next's documented pattern:
 * Next reads the nonce from the request's CSP header and puts it on its own scripts; every page is
 * rendered per request, so each gets it), HSTS when the request came over HTTPS. The static ones
 * (nosniff, frame, referrer, permissions) are in next.config.ts.
 */
export interface SecurityContext {
  nonce: string;
  https: boolean;
  /** `next dev` only: React's dev build uses eval for its error overlay. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, https, development }: SecurityContext): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // style="" attributes (charts' sizes and colours, progress bars) cannot carry a nonce; they run no code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** One year, subdomains included: only ever sent over HTTPS (browsers ignore it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** No page of the portal uses these; a script injected despite the CSP cannot either. */
export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=(), interest-cohort=()";

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
