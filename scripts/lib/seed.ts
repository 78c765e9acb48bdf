import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedReference } from "../../prisma/seed/reference";
import { DEMO_ENROLMENTS, seedDemoUsers } from "../../prisma/seed/demo";
import { seedDemoApiKey } from "../../prisma/seed/api-keys";

/**
 * Seeds reference and demo data. Demo enrolments go through the e-form's own validation and
 * mutation (lib/enrolment), so the demo shows exactly what the portal would have written.
 * Run under `--conditions=react-server` (package.json) so `server-only` modules load in Node.
 */
export async function seedAll(url: string, log: (line: string) => void): Promise<void> {
  process.env.DATABASE_URL = url;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedReference(prisma);
    await seedDemoUsers(prisma);
    await seedDemoApiKey(prisma);
    log("Data referensi dan akun demo siap.");
  } finally {
    await prisma.$disconnect();
  }

  const [{ loadActor }, { validateEnrolment }, { submitEnrolment }, { addDays, todayInZone }, { db }, { CONSENT_TEXT_VERSION }] = await Promise.all([
    import("../../lib/auth/data"),
    import("../../lib/enrolment/schema"),
    import("../../lib/enrolment/mutations"),
    import("../../lib/rules"),
    import("../../lib/db"),
    import("../../lib/enrolment/consent"),
  ]);
  const { returnEnrolment } = await import("../../lib/review/mutations");
  let created = 0;
  for (const demo of DEMO_ENROLMENTS) {
    const user = await db().user.findUniqueOrThrow({ where: { email: demo.officer }, select: { id: true } });
    const actor = await loadActor(user.id);
    if (!actor || actor.scope.kind !== "PENYALUR_OFFICE") throw new Error(`Akun demo ${demo.officer} tidak lengkap`);
    const office = await db().penyalurOffice.findUniqueOrThrow({
      where: { id: actor.scope.penyalurOfficeId },
      select: { defaultKantorCabangId: true },
    });
    const now = new Date();
    const today = todayInZone(now, actor.timeZone);
    const validation = validateEnrolment(
      {
        ...demo.form,
        kantorCabangId: office.defaultKantorCabangId ?? "",
        plannedDisbursementDate: addDays(today, 14),
        attestNikChecked: "on",
        attestSlikChecked: "on",
        attestNoOtherKur: "on",
        attestNpwpPresent: demo.form.npwp ? "on" : "",
        consent: "on",
        consentTextVersion: CONSENT_TEXT_VERSION,
      },
      today,
    );
    if (!validation.ok) throw new Error(`Data demo tidak valid: ${JSON.stringify(validation.errors)}`);
    const result = await submitEnrolment(actor, validation.data, now);
    if (result.duplicate) continue;
    created += 1;
    if (demo.returned) {
      // Returned through the reviewer's own mutation, so the demo row is exactly what the review writes.
      const reviewerUser = await db().user.findUniqueOrThrow({ where: { email: demo.returned.reviewer }, select: { id: true } });
      const reviewer = await loadActor(reviewerUser.id);
      if (!reviewer) throw new Error(`Akun demo ${demo.returned.reviewer} tidak lengkap`);
      await returnEnrolment(reviewer, { enrolmentId: result.enrolmentId, version: 1, reason: demo.returned.reason }, now);
    }
  }
  log(created ? `${created} pendaftaran demo dibuat.` : "Pendaftaran demo sudah ada.");
  const { seedDemoReview } = await import("../../prisma/seed/review");
  await seedDemoReview(log);
  // The review queued its events' fan-out (lib/events); the producer's connections end with the seed.
  const { closeJobProducer } = await import("../../lib/jobs");
  await closeJobProducer();
  await db().$disconnect();
}
