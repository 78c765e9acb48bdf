import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // pg and the Prisma adapter are server-only Node packages; keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "pdf-lib", "qrcode"],
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

export default nextConfig;
