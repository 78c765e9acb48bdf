import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment } from "@/lib/env";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, newNonce } from "@/lib/security/headers";

/**
 * Next 16's proxy (the former middleware; always Node): security headers only. It does no auth:
 * every page, action and route checks its own actor (docs/decisions/0010).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  // next start sets X-Forwarded-Proto from the socket when no proxy did; our proxy sets it otherwise.
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy({ nonce, https, development: isDevelopment() });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but the build's static files (they carry next.config.ts's static headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
