/**
 * Prisma's own SQL for a schema, produced offline (docs/decisions/0002-migrations.md).
 *
 * Prisma 7's native schema engine cannot be installed here, but the Prisma 6.19.3 CLI (installed as
 * the dev dependency `prisma6-diff`) runs its schema engine as wasm when its config names a driver
 * adapter, and `migrate diff` between two datamodels then works. It still wants a reachable
 * PostgreSQL, which it only connects to.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const CLI_DIR = path.resolve("node_modules/prisma6-diff");

/** Prisma 6 requires `url` in the datasource block; Prisma 7 forbids it. Add a placeholder. */
function asPrisma6Schema(schema: string): string {
  return schema.replace(
    /datasource db \{\n\s*provider = "postgresql"\n\}/,
    'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://unused"\n}',
  );
}

/**
 * SQL that turns the database described by `fromSchema` (null: an empty database) into the one
 * described by `toSchema`. Both are schema.prisma texts.
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string, databaseUrl: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lindungikur-diff-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    await writeFile(toFile, asPrisma6Schema(toSchema));
    const fromArgs = ["--from-empty"];
    if (fromSchema !== null) {
      const fromFile = path.join(dir, "from.prisma");
      await writeFile(fromFile, asPrisma6Schema(fromSchema));
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    const configFile = path.join(dir, "prisma6.config.mjs");
    const adapterModule = path.resolve("node_modules/@prisma/adapter-pg/dist/index.mjs");
    await writeFile(
      configFile,
      `import { defineConfig } from ${JSON.stringify(path.join(CLI_DIR, "config.js"))};
import { PrismaPg } from ${JSON.stringify(adapterModule)};
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(toFile)},
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(databaseUrl)} }),
});
`,
    );
    // The CLI refuses to start without engine files; the wasm engine is what actually runs.
    const placeholder = path.resolve("prisma/schema-engine-placeholder");
    const { stdout } = await run(
      process.execPath,
      [path.join(CLI_DIR, "build/index.js"), "migrate", "diff", "--config", configFile, ...fromArgs,
        "--to-schema-datamodel", toFile, "--script"],
      {
        env: {
          ...process.env,
          PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
          PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return stdout.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readSchema(file = "prisma/schema.prisma"): Promise<string> {
  return readFile(file, "utf8");
}
