/**
 * `npm run api-key:create -- <PENYALUR_CODE> "<name>"`: issues an API key for the quote API
 * (docs/api.md) to one penyalur, e.g. `npm run api-key:create -- BNI "LOS BNI produksi"`.
 * The key is printed once and only its sha256 is stored: copy it now. Uses DATABASE_URL, or the
 * embedded demo database. Run under `--conditions=react-server` (package.json) so `server-only`
 * modules load in Node.
 */
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";

const [penyalurCode, name] = process.argv.slice(2);
if (!penyalurCode || !name?.trim()) {
  console.error('Pemakaian: npm run api-key:create -- <KODE_PENYALUR> "<nama kunci>"   (mis. BRI "LOS BRI produksi")');
  process.exit(2);
}

const database = await resolveDatabase(DEMO_CLUSTER, say);
process.env.DATABASE_URL = database.url;
let exitCode = 0;
try {
  const [{ createApiKey, UnknownPenyalurError }, { db }] = await Promise.all([
    import("../lib/api/mutations"),
    import("../lib/db"),
  ]);
  try {
    const created = await createApiKey({ penyalurCode: penyalurCode.toUpperCase(), name });
    console.log("");
    console.log(`Kunci API untuk ${created.penyalurName} (${created.penyalurCode}) — "${created.name}":`);
    console.log("");
    console.log(`  ${created.key}`);
    console.log("");
    console.log("Simpan sekarang: kunci ini tidak ditampilkan lagi dan tidak tersimpan di basis data.");
    console.log(`Awalan untuk administrator: ${created.prefix}`);
  } catch (error) {
    if (error instanceof UnknownPenyalurError || error instanceof RangeError) {
      console.error(error.message);
      exitCode = 2;
    } else {
      throw error;
    }
  } finally {
    await db().$disconnect();
  }
} catch (error) {
  console.error(
    `Kunci API gagal dibuat: ${error instanceof Error ? error.message : String(error)}\n` +
      "Apakah migrasi sudah dijalankan? (npm run db:migrate)",
  );
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
