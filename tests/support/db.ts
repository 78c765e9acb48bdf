import pg from "pg";
import { loadActor, type Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";

/** A demo account (prisma/seed/demo.ts) as the authorization layer sees it. */
export async function actorByEmail(email: string): Promise<Actor> {
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(user.id);
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

/** The seeded demo accounts (one per role and scope that the tests need). */
export const DEMO_ACCOUNTS = {
  officerBri: "petugas.bri@demo.lindungikur.id",
  officerBni: "petugas.bni@demo.lindungikur.id",
  reviewerBandung: "verifikator.bandung@demo.lindungikur.id",
  reviewerSemarang: "verifikator.semarang@demo.lindungikur.id",
  managerJabar: "manajer.jabar@demo.lindungikur.id",
  headOffice: "pusat@demo.lindungikur.id",
  admin: "admin@demo.lindungikur.id",
} as const;

export type DemoActors = Record<keyof typeof DEMO_ACCOUNTS, Actor>;

export async function demoActors(): Promise<DemoActors> {
  const entries = await Promise.all(
    Object.entries(DEMO_ACCOUNTS).map(async ([key, email]) => [key, await actorByEmail(email)] as const),
  );
  return Object.fromEntries(entries) as DemoActors;
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Province, regency and district digits of a NIK that Kemendagri's area codes allow (docs/regulation.md
 * §6.1): Kota Bandung or one of four Jawa Barat kabupaten, each with at least 30 kecamatan.
 */
function randomJabarArea(): string {
  const regency = ["73", "01", "02", "04", "05"][Math.floor(Math.random() * 5)]!;
  return `32${regency}${String(1 + Math.floor(Math.random() * 30)).padStart(2, "0")}`;
}

/** A NIK no other test uses: Jawa Barat, a man born on `birthDate`, a random serial. */
export function uniqueNik(birthDate = "1985-08-17", woman = false): string {
  const [y, m, d] = birthDate.split("-");
  const day = String(Number(d) + (woman ? 40 : 0)).padStart(2, "0");
  const serial = String(1 + Math.floor(Math.random() * 9998)).padStart(4, "0");
  const area = randomJabarArea();
  return `${area}${day}${m}${y!.slice(2)}${serial}`;
}

/**
 * A name for a scratch database a test builds itself (migrations, schema drift): unique to this
 * run and worker, so that parallel files and parallel runs on one server never share one, and
 * dropped with the worker's databases at the end of the run (tests/support/integration-global-setup.ts).
 */
export function scratchDatabase(name: string): string {
  const prefix = process.env.TEST_WORKER_DB_PREFIX ?? "lindungikur_it_w";
  return `${prefix}${process.env.VITEST_POOL_ID ?? "1"}_${name}`;
}
