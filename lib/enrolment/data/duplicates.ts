import "server-only";
import { db } from "@/lib/db";
import { can, maskNik, type Subject } from "@/lib/auth/permissions";
import { normalizePhone } from "@/lib/rules";

/**
 * Likely duplicates across NIKs (issue #13, docs/decisions/0017 §3): enrolments of *another* NIK
 * that resemble the debtor — a similar name (pg_trgm trigram similarity ≥ NAME_SIMILARITY), the
 * same birth date, the same mobile number — when at least two of those agree, or the same loan number
 * at another penyalur. A typo in the NIK, or one person enrolled twice under two NIKs, shows up here;
 * one shared trait alone (thousands share a birth date or a common name) does not.
 *
 * What is shown depends on whether the actor may read the other enrolment (`can(actor,
 * "enrolment:read", place)`): inside its scope the name, masked NIK and a link; outside it only that
 * one exists, its status, its BPJS branch and which traits agree — never another bank's debtor's
 * name, NIK, phone or loan number, nor the bank's name.
 */
export const NAME_SIMILARITY = 0.6;

export type DuplicateReason = "name" | "birthDate" | "phone" | "loanNumber";

export interface LikelyDuplicate {
  /** Set only when the actor may open it. */
  enrolmentId: string | null;
  inScope: boolean;
  reasons: DuplicateReason[];
  /** Name similarity, 0–100. */
  similarity: number;
  status: "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED" | "DRAFT";
  kantorCabangName: string;
  /** Inside the actor's scope only. */
  fullName: string | null;
  nikMasked: string | null;
}

export interface DuplicateProbe {
  nik: string;
  fullName: string;
  /** yyyy-mm-dd; empty or invalid leaves the birth date out. */
  birthDate: string;
  /** As typed or stored; normalized here. */
  phone: string;
  loanNumber?: string | null;
  /** The actor's own penyalur (the officer) or the enrolment's (the reviewer): same loan number elsewhere only. */
  penyalurId?: string | null;
  /** The enrolment under review itself. */
  excludeEnrolmentId?: string | null;
}

interface Row {
  id: string;
  status: LikelyDuplicate["status"];
  penyalurOfficeId: string;
  kantorCabangId: string;
  kanwilId: string;
  kantorCabangName: string;
  fullName: string;
  nik: string;
  similarity: number;
  sameBirth: boolean;
  samePhone: boolean;
  sameLoan: boolean;
}

/** Likely duplicates of `probe` across other NIKs, as `actor` may see them; at most 10, the closest first. */
export async function likelyDuplicates(actor: Subject, probe: DuplicateProbe): Promise<LikelyDuplicate[]> {
  const name = probe.fullName.trim();
  const nik = probe.nik.replace(/\s+/g, "");
  const birth = /^\d{4}-\d{2}-\d{2}$/.test(probe.birthDate) ? probe.birthDate : null;
  const phoneCheck = probe.phone ? normalizePhone(probe.phone) : null;
  const phone = phoneCheck?.ok ? phoneCheck.value : null;
  const loan = probe.loanNumber?.trim() || null;
  if (name.length < 3 && !phone && !(loan && probe.penyalurId)) return [];
  // Candidates come from three indexed probes (trigram name, phone, loan number); the two-of-three rule
  // is applied on them. `%` uses the GIN trigram index on Participant.fullName at pg_trgm's 0.3 threshold.
  const rows = await db().$queryRaw<Row[]>`
    WITH candidates AS (
      SELECT p.id FROM "Participant" p WHERE ${name} <> '' AND p."fullName" % ${name}
      UNION SELECT p.id FROM "Participant" p WHERE p.phone = ${phone}
      UNION SELECT e."participantId" FROM "Enrolment" e WHERE e."loanNumber" = ${loan} AND e."penyalurId" IS DISTINCT FROM ${probe.penyalurId ?? null}::uuid
    )
    SELECT e.id, e.status::text AS status, e."penyalurOfficeId", e."kantorCabangId", kc."kanwilId", kc.name AS "kantorCabangName",
           p."fullName", p.nik,
           similarity(p."fullName", ${name})::float8 AS similarity,
           (p."birthDate" = ${birth}::date) IS TRUE AS "sameBirth",
           (p.phone = ${phone}) IS TRUE AS "samePhone",
           (e."loanNumber" = ${loan} AND e."penyalurId" IS DISTINCT FROM ${probe.penyalurId ?? null}::uuid) IS TRUE AS "sameLoan"
      FROM candidates c
      JOIN "Participant" p ON p.id = c.id
      JOIN "Enrolment" e ON e."participantId" = p.id
      JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId"
     WHERE p.nik <> ${nik}
       AND e.id IS DISTINCT FROM ${probe.excludeEnrolmentId ?? null}::uuid
     ORDER BY similarity DESC, e."createdAt" DESC
     LIMIT 50`;
  const out: LikelyDuplicate[] = [];
  for (const r of rows) {
    const similar = r.similarity >= NAME_SIMILARITY;
    const agree = [similar, r.sameBirth, r.samePhone].filter(Boolean).length;
    if (agree < 2 && !r.sameLoan) continue;
    const reasons: DuplicateReason[] = [];
    if (similar) reasons.push("name");
    if (r.sameBirth) reasons.push("birthDate");
    if (r.samePhone) reasons.push("phone");
    if (r.sameLoan) reasons.push("loanNumber");
    const inScope = can(actor, "enrolment:read", { penyalurOfficeId: r.penyalurOfficeId, kantorCabangId: r.kantorCabangId, kanwilId: r.kanwilId });
    out.push({
      enrolmentId: inScope ? r.id : null,
      inScope,
      reasons,
      similarity: Math.round(r.similarity * 100),
      status: r.status,
      kantorCabangName: r.kantorCabangName,
      fullName: inScope ? r.fullName : null,
      nikMasked: inScope ? maskNik(r.nik) : null,
    });
    if (out.length === 10) break;
  }
  return out;
}
