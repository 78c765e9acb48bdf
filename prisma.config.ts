import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded on our machines (see docs/decisions/0002).
// `prisma generate` only needs *a* file at PRISMA_SCHEMA_ENGINE_BINARY; migrations are applied
// by scripts/db-migrate.ts instead of the Prisma CLI.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.resolve("prisma/schema-engine-placeholder");
  if (existsSync(placeholder)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Only used by CLI commands that talk to a database; the app builds its own URL (lib/env.ts).
    url: process.env.DATABASE_URL ?? "postgresql://localhost:54329/lindungikur",
  },
});
