/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the last committed schema.prisma (git HEAD) to the working one.
 * Review the SQL, then `npm run db:migrate`. The schema-drift test checks the result.
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";
import { diffSchemas, readSchema } from "./lib/schema-sql";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Pemakaian: npm run db:migration -- nama_migrasi (huruf kecil, angka, garis bawah)");
  process.exit(2);
}
let previous: string | null = null;
try {
  previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
} catch {
  previous = null;
}
const current = await readSchema();
const database = await resolveDatabase(DEMO_CLUSTER, say);
try {
  const sql = await diffSchemas(previous, current, database.url);
  if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
    say("schema.prisma sama dengan HEAD: tidak ada migrasi baru.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    say(`Ditulis: ${dir}/migration.sql — periksa isinya, lalu npm run db:migrate.`);
  }
} finally {
  await database.stop();
}
