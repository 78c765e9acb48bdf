import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MANDATE_STATUSES,
  disbursementClearance,
  type ClearanceInput,
  type ClearanceState,
  type DisbursementGate,
  type EnrolmentStatus,
  type MandateStatus,
} from "@/lib/rules";
import { enText, idText } from "./rule-text";

/** The clearance in words, rendered from its codes by the catalogue as the detail page shows it. */
function clearance(input: ClearanceInput) {
  const c = disbursementClearance(input);
  return {
    state: c.state,
    headline: idText(c.headline),
    headlineEn: enText(c.headline),
    reasons: c.reasons.map(idText),
    reasonsEn: c.reasons.map(enText),
  };
}

const ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED"];
const GATES: readonly DisbursementGate[] = ["BLOCK", "WARN"];
const COVER_REQUIRED: readonly MandateStatus[] = ["MANDATORY", "PHASED_REQUIRED"];

/** The teller-facing reasons, in the order the headline lists them. */
const AWAITING = "menunggu persetujuan BPJS Ketenagakerjaan (KPJ belum terbit)";
const REJECTED = "pendaftaran ditolak BPJS Ketenagakerjaan";
const UNPAID = "iuran bulan pertama belum dibayar";
const AWAITING_EN = "awaiting BPJS Ketenagakerjaan approval (no KPJ yet)";
const REJECTED_EN = "the enrolment was rejected by BPJS Ketenagakerjaan";
const UNPAID_EN = "the first month's contribution is unpaid";

interface Expected {
  state: ClearanceState;
  /** Reasons for holding the loan; empty when nothing holds it. */
  holdReasons: string[];
  holdReasonsEn: string[];
}

/** The rule written out independently of the implementation (docs/regulation.md §2, Permenko 1/2023 cover letter point 5). */
function expected(mandateStatus: MandateStatus, enrolmentStatus: EnrolmentStatus, firstMonthPaid: boolean, gate: DisbursementGate): Expected {
  if (!COVER_REQUIRED.includes(mandateStatus)) return { state: "CLEARED", holdReasons: [], holdReasonsEn: [] };
  const holdReasons: string[] = [];
  const holdReasonsEn: string[] = [];
  if (enrolmentStatus === "REJECTED") {
    holdReasons.push(REJECTED);
    holdReasonsEn.push(REJECTED_EN);
  } else if (enrolmentStatus !== "APPROVED") {
    holdReasons.push(AWAITING);
    holdReasonsEn.push(AWAITING_EN);
  }
  if (!firstMonthPaid) {
    holdReasons.push(UNPAID);
    holdReasonsEn.push(UNPAID_EN);
  }
  if (holdReasons.length === 0) return { state: "CLEARED", holdReasons, holdReasonsEn };
  return { state: gate === "WARN" ? "WARNING" : "BLOCKED", holdReasons, holdReasonsEn };
}

const ALL_COMBINATIONS = MANDATE_STATUSES.flatMap((mandateStatus) =>
  ENROLMENT_STATUSES.flatMap((enrolmentStatus) =>
    [true, false].flatMap((firstMonthPaid) =>
      GATES.map((gate) => ({ mandateStatus, enrolmentStatus, firstMonthPaid, gate })),
    ),
  ),
);

describe("disbursement clearance (docs/regulation.md §2, cover letter of Permenko 1/2023 point 5)", () => {
  it("returns codes: the headline names the approval and first-month state, one reason code per missing step", () => {
    expect(disbursementClearance({ mandateStatus: "MANDATORY", enrolmentStatus: "SUBMITTED", firstMonthPaid: false, gate: "BLOCK" })).toEqual({
      state: "BLOCKED",
      headline: { code: "clearance.blocked", params: { approval: "PENDING", firstMonth: "UNPAID" } },
      reasons: [{ code: "clearance.reason.awaitingApproval" }, { code: "clearance.reason.firstMonthUnpaid" }],
    });
    expect(disbursementClearance({ mandateStatus: "PHASED_REQUIRED", enrolmentStatus: "REJECTED", firstMonthPaid: true, gate: "WARN" })).toEqual({
      state: "WARNING",
      headline: { code: "clearance.warning", params: { approval: "REJECTED", firstMonth: "PAID" } },
      reasons: [{ code: "clearance.reason.rejected" }],
    });
    expect(disbursementClearance({ mandateStatus: "VOLUNTARY", enrolmentStatus: "DRAFT", firstMonthPaid: false, gate: "BLOCK" })).toEqual({
      state: "CLEARED",
      headline: { code: "clearance.cleared" },
      reasons: [{ code: "clearance.reason.notRequired" }],
    });
  });

  it("the table below covers every combination: 4 mandate statuses × 5 enrolment statuses × paid/unpaid × 2 gates", () => {
    expect(MANDATE_STATUSES).toEqual(["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY", "OUT_OF_SCOPE"]);
    expect(ALL_COMBINATIONS).toHaveLength(80);
  });

  it.each(ALL_COMBINATIONS)(
    "a debtor who must be covered is held until approval and first payment; others never are — Permenko 1/2023 cover letter point 5 ($mandateStatus, $enrolmentStatus, paid=$firstMonthPaid, gate $gate)",
    (input) => {
      const want = expected(input.mandateStatus, input.enrolmentStatus, input.firstMonthPaid, input.gate);
      const c = clearance(input);
      expect(c.state).toBe(want.state);
      switch (want.state) {
        case "CLEARED":
          expect(c.headline).toBe("Boleh dicairkan");
          expect(c.headlineEn).toBe("May be disbursed");
          if (COVER_REQUIRED.includes(input.mandateStatus)) {
            expect(c.reasons).toEqual([]);
            expect(c.reasonsEn).toEqual([]);
          } else {
            // The officer is told why no cover is needed, not given a hold reason.
            expect(c.reasons).toHaveLength(1);
            expect(c.reasons[0]).toMatch(/tidak disyaratkan sebelum pencairan/);
            expect(c.reasonsEn[0]).toMatch(/not a condition of disbursement/);
          }
          break;
        case "BLOCKED":
          expect(c.reasons).toEqual(want.holdReasons);
          expect(c.reasonsEn).toEqual(want.holdReasonsEn);
          expect(c.headline).toBe(`Belum boleh dicairkan — ${want.holdReasons.join("; ")}`);
          expect(c.headlineEn).toBe(`Not yet to be disbursed — ${want.holdReasonsEn.join("; ")}`);
          break;
        case "WARNING":
          expect(c.reasons).toEqual(want.holdReasons);
          expect(c.reasonsEn).toEqual(want.holdReasonsEn);
          expect(c.headline).toBe(`Boleh dicairkan dengan peringatan — ${want.holdReasons.join("; ")}`);
          expect(c.headlineEn).toBe(`May be disbursed with a warning — ${want.holdReasonsEn.join("; ")}`);
          break;
      }
    },
  );

  it.each(COVER_REQUIRED)(
    "a %s debtor's loan stays blocked until approval and first payment — Permenko 1/2023 cover letter point 5",
    (mandateStatus) => {
      const base = { mandateStatus, gate: "BLOCK" as const };
      expect(clearance({ ...base, enrolmentStatus: "SUBMITTED", firstMonthPaid: false }).state).toBe("BLOCKED");
      // Approved (KPJ issued) is not enough while the first month is unpaid …
      const approvedUnpaid = clearance({ ...base, enrolmentStatus: "APPROVED", firstMonthPaid: false });
      expect(approvedUnpaid.state).toBe("BLOCKED");
      expect(approvedUnpaid.headline).toBe(`Belum boleh dicairkan — ${UNPAID}`);
      // … nor is a paid first month before approval …
      const paidPending = clearance({ ...base, enrolmentStatus: "SUBMITTED", firstMonthPaid: true });
      expect(paidPending.state).toBe("BLOCKED");
      expect(paidPending.headline).toBe(`Belum boleh dicairkan — ${AWAITING}`);
      // … only both together clear the loan.
      const cleared = clearance({ ...base, enrolmentStatus: "APPROVED", firstMonthPaid: true });
      expect(cleared).toMatchObject({ state: "CLEARED", headline: "Boleh dicairkan", reasons: [] });
    },
  );

  it("a draft, unpaid mandatory enrolment names both missing steps in one headline — Permenko 1/2023 cover letter point 5", () => {
    const c = clearance({ mandateStatus: "MANDATORY", enrolmentStatus: "DRAFT", firstMonthPaid: false, gate: "BLOCK" });
    expect(c.headline).toBe(`Belum boleh dicairkan — ${AWAITING}; ${UNPAID}`);
  });

  it("a rejected enrolment says it was rejected, not that approval is pending — Permenko 1/2023 cover letter point 5", () => {
    const c = clearance({ mandateStatus: "MANDATORY", enrolmentStatus: "REJECTED", firstMonthPaid: true, gate: "BLOCK" });
    expect(c.state).toBe("BLOCKED");
    expect(c.reasons).toEqual([REJECTED]);
    expect(c.headline).not.toContain("menunggu");
  });

  it("a returned enrolment is not approved and still holds the loan — Permenko 1/2023 cover letter point 5", () => {
    const c = clearance({ mandateStatus: "PHASED_REQUIRED", enrolmentStatus: "RETURNED", firstMonthPaid: true, gate: "BLOCK" });
    expect(c.state).toBe("BLOCKED");
    expect(c.reasons).toEqual([AWAITING]);
  });

  it("a penyalur set to WARN may disburse a mandatory debtor's loan, but the teller still reads every missing step (docs/regulation.md §2: block or warn is a per-penyalur setting)", () => {
    const c = clearance({ mandateStatus: "MANDATORY", enrolmentStatus: "SUBMITTED", firstMonthPaid: false, gate: "WARN" });
    expect(c.state).toBe("WARNING");
    expect(c.headline.startsWith("Boleh dicairkan")).toBe(true);
    expect(c.headline.startsWith("Belum boleh dicairkan")).toBe(false);
    expect(c.headline).toContain(AWAITING);
    expect(c.headline).toContain(UNPAID);
  });

  it.each(["VOLUNTARY", "OUT_OF_SCOPE"] as const)(
    "a %s debtor's loan is never held by BPJS Ketenagakerjaan enrolment — only the mandatory cohort is, Permenko 1/2023 cover letter point 5",
    (mandateStatus) => {
      for (const enrolmentStatus of ENROLMENT_STATUSES) {
        for (const firstMonthPaid of [true, false]) {
          for (const gate of GATES) {
            const c = clearance({ mandateStatus, enrolmentStatus, firstMonthPaid, gate });
            expect(c.state).toBe("CLEARED");
            expect(c.headline).toBe("Boleh dicairkan");
          }
        }
      }
    },
  );

  it("property: a covered debtor is cleared iff approved and paid; a BLOCK gate never merely warns; every headline starts with one of the two teller phrases", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MANDATE_STATUSES),
        fc.constantFrom(...ENROLMENT_STATUSES),
        fc.boolean(),
        fc.constantFrom(...GATES),
        (mandateStatus, enrolmentStatus, firstMonthPaid, gate) => {
          const c = clearance({ mandateStatus, enrolmentStatus, firstMonthPaid, gate });
          const covered = COVER_REQUIRED.includes(mandateStatus);
          expect(c.state === "CLEARED").toBe(!covered || (enrolmentStatus === "APPROVED" && firstMonthPaid));
          if (gate === "BLOCK") expect(c.state).not.toBe("WARNING");
          if (gate === "WARN") expect(c.state).not.toBe("BLOCKED");
          expect(c.headline.startsWith("Boleh dicairkan") !== c.headline.startsWith("Belum boleh dicairkan — ")).toBe(true);
          expect(c.headline.startsWith("Belum boleh dicairkan — ")).toBe(c.state === "BLOCKED");
          expect(c.reasonsEn).toHaveLength(c.reasons.length);
        },
      ),
    );
  });
});
