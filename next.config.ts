import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PERMISSIONS_POLICY } from "./lib/security/headers";

// Messages and formats per request: lib/i18n/request.ts (no locale in the URL; a cookie chooses).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// npm test builds into its own folder (NEXT_DIST_DIR=.next-test, scripts/test-all.ts), so a running
// `npm run demo` keeps serving its .next while the tests rebuild. That build type-checks with
// tsconfig.next-test.json (its own generated route types), so Next never rewrites tsconfig.json.
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

const nextConfig: NextConfig = {
  distDir,
  poweredByHeader: false,
  // pg and the Prisma adapter are server-only Node packages; keep them out of the bundler.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "bcryptjs", "pdf-lib", "@pdf-lib/fontkit", "qrcode", "pino"],
  typescript: { ignoreBuildErrors: false, ...(distDir === ".next-test" ? { tsconfigPath: "tsconfig.next-test.json" } : {}) },
  // forbidden()/unauthorized() give real 403/401 pages (lib/auth/session.ts).
  experimental: {
    authInterrupts: true,
    // A bank's bulk-upload file of 100 000 rows is about 40 MB (lib/bulk, MAX_FILE_BYTES), a document
    // upload one photo of at most 8 MB (lib/documents): the server action and the proxy in front of it
    // must let them through (defaults 1 MB and 10 MB).
    serverActions: { bodySizeLimit: "64mb" },
    proxyClientMaxBodySize: "64mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          // The CSP (with its per-request nonce) and HSTS are set by proxy.ts.
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
