// Integration tests need a real, migrated and seeded PostgreSQL: `npm run test:integration` makes one.
if (!process.env.DATABASE_URL) {
  throw new Error("DATABASE_URL belum diset: jalankan `npm run test:integration` (menyiapkan PostgreSQL uji).");
}
