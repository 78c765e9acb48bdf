import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment } from "@/lib/env";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { logUnexpected } from "@/lib/log";
import { databaseMaybeDown, probeDatabase } from "@/lib/ops/database-state";
import { unavailableResponse } from "@/lib/ops/unavailable-page";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, newNonce } from "@/lib/security/headers";

/**
 * Next 16's proxy (the former middleware; always Node): security headers only. It does no auth:
 * every page, action and route checks its own actor (docs/decisions/0010).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = newNonce();
  // next start sets X-Forwarded-Proto from the socket when no proxy did; our proxy sets it otherwise.
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy({ nonce, https, development: isDevelopment() });

  // While this process has seen the database unreachable, a page request first checks it is back,
  // and otherwise gets the plain 503 (lib/ops/database-state.ts). Actions and API routes answer for
  // themselves (a FormState, a JSON 503), so that a form keeps its input.
  if (isPageRequest(request) && databaseMaybeDown() && !(await probeDatabase())) {
    const errorId = logUnexpected(new Error("database unreachable"), { fault: "database-unavailable", path: request.nextUrl.pathname });
    const unavailable = unavailableResponse(errorId, request.cookies.get(LOCALE_COOKIE)?.value, nonce);
    unavailable.headers.set("Content-Security-Policy", csp);
    return unavailable;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function isPageRequest(request: NextRequest): boolean {
  return (
    request.method === "GET" &&
    !request.nextUrl.pathname.startsWith("/api/") &&
    !request.headers.has("next-action") &&
    !request.headers.has("rsc") &&
    (request.headers.get("accept") ?? "").includes("text/html")
  );
}

export const config = {
  // Everything but the build's static files (they carry next.config.ts's static headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
