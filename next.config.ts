import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Messages and formats per request: lib/i18n/request.ts (no locale in the URL; a cookie chooses).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // pg and the Prisma adapter are server-only Node packages; keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "pdf-lib", "@pdf-lib/fontkit", "qrcode", "pino"],
  typescript: { ignoreBuildErrors: false },
  // forbidden()/unauthorized() give real 403/401 pages (lib/auth/session.ts).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
