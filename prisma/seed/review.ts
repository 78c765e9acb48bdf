/**
 * Demo review data (issue #5): the first demo enrolment (Ujang Suryana, KUR kecil at BRI) is
 * approved by the Bandung reviewer and its oldest open month is paid, so the certificate, the
 * verification page and "Boleh dicairkan" can be shown. Goes through the portal's own mutations.
 * Idempotent: approval only while it is still submitted; the payment is matched by its reference.
 */
import { db } from "../../lib/db";
import { loadActor } from "../../lib/auth/data";
import { AppError } from "../../lib/action/errors";
import { approveEnrolment, recordPayment } from "../../lib/review/mutations";
import { todayInZone } from "../../lib/rules";

export const DEMO_APPROVED_SUBMISSION_KEY = "00000000-0000-4000-8000-000000000001";
export const DEMO_PAYMENT_REFERENCE = "DEMO-VA-0001";
const REVIEWER = "verifikator.bandung@demo.lindungikur.id";

export async function seedDemoReview(log: (line: string) => void): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { email: REVIEWER }, select: { id: true } });
  const reviewer = await loadActor(user.id);
  if (!reviewer) throw new Error(`Akun demo ${REVIEWER} tidak lengkap`);
  const e = await db().enrolment.findUnique({
    where: { submissionKey: DEMO_APPROVED_SUBMISSION_KEY },
    select: { id: true, status: true, version: true, kantorCabang: { select: { timeZone: true } } },
  });
  if (!e) return;
  const now = new Date();
  if (e.status === "SUBMITTED") {
    const { kpj } = await approveEnrolment(reviewer, { enrolmentId: e.id, version: e.version }, now);
    log(`Pendaftaran demo disetujui (KPJ ${kpj}).`);
  }
  if (await db().payment.findUnique({ where: { reference: DEMO_PAYMENT_REFERENCE }, select: { id: true } })) return;
  const oldest = await db().contributionLine.findFirst({
    where: { enrolmentId: e.id, status: "DUE" },
    orderBy: { month: "asc" },
    select: { total: true },
  });
  if (!oldest) return;
  try {
    await recordPayment(
      reviewer,
      { enrolmentId: e.id, amount: oldest.total, paidOn: todayInZone(now, e.kantorCabang.timeZone), channel: "VIRTUAL_ACCOUNT", reference: DEMO_PAYMENT_REFERENCE },
      now,
    );
    log("Iuran bulan pertama pendaftaran demo tercatat.");
  } catch (error) {
    // A demo database left unpaid for months has LAPSED cover: the payment is then an iuran lanjutan
    // (docs/decisions/0011 §3) and is recorded. Only a refusal by state is logged; the demo still starts.
    if (error instanceof AppError && error.code === "INVALID_STATE") log(`Iuran demo tidak dicatat: ${error.message}`);
    else throw error;
  }
}
