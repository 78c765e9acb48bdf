/**
 * What a rule says when it refuses or explains something: a code and plain parameters, never a
 * sentence. The sentence lives in the message catalogue under `rules.<code>` (messages/id.json and
 * messages/en.json; the dots nest), rendered by lib/i18n/rules.ts `ruleMessage(t, issue)` in the
 * reader's language. lib/rules stays free of any language.
 *
 * Parameters are strings or numbers only:
 * - amounts are already formatted with `formatRupiah` ("Rp16.800", the same in both languages) and
 *   dates with `formatDateId` ("17/08/1985"), because the portal shows them that way in both;
 * - counts (months, years, times) are numbers, so the messages can use ICU `plural`;
 * - enum values (scheme, purpose, sector, sex, mandate rule id, …) are passed as their codes
 *   ("KECIL", "WORKING_CAPITAL") and the message picks the words with ICU `select`. A message cannot
 *   call another key, so the labels are written inside the message (the same words as `enums.*`);
 *   that keeps every rule message self-contained and lets it use the grammatical form it needs
 *   (lower case inside a sentence: "untuk modal kerja").
 */

/** Every code a rule can return; each one has a message under `rules.<code>` in both catalogues. */
export const RULE_ISSUE_CODES = [
  // NIK (docs/regulation.md §6)
  "nik.format",
  "nik.unknownProvince",
  "nik.invalidBirthDate",
  "nik.unknownRegency",
  "nik.unknownDistrict",
  "nik.zeroSerial",
  "nik.ageOutOfRange",
  "nik.birthDateMismatch",
  "nik.sexMismatch",
  // Mobile number (docs/regulation.md §6)
  "phone.required",
  "phone.invalidCharacters",
  "phone.notIndonesian",
  "phone.badPrefix",
  "phone.notMobile",
  "phone.length",
  // NPWP, NIB, KBLI, KPJ (docs/regulation.md §6, §1)
  "npwp.format",
  "npwp.required",
  "nib.format",
  "kbli.format",
  "kbli.unknownDivision",
  "kpj.format",
  // KUR eligibility (docs/regulation.md §1)
  "plafon.notWhole",
  "plafon.outOfBand",
  "tenor.notWhole",
  "tenor.tooLong",
  "businessAge.invalidDate",
  "businessAge.future",
  "businessAge.tooYoung",
  "mikroRepeat.capReached",
  "mikroOutstanding.capExceeded",
  "mikroOutstanding.withoutPriorMikro",
  // JHT for a BPU who employs workers (docs/regulation.md §3.7)
  "jht.requiredForEmployer",
  // Mandate decision (docs/regulation.md §2): one explanation per rule id, and the legal basis by rule id
  "mandate.kecil",
  "mandate.khususAbove",
  "mandate.khususVoluntary",
  "mandate.phasedMatched",
  "mandate.phasedVoluntary",
  "mandate.pmiOutOfScope",
  "mandate.notInForce",
  "mandate.legalBasis",
  // Disbursement clearance (docs/regulation.md §2)
  "clearance.cleared",
  "clearance.warning",
  "clearance.blocked",
  "clearance.reason.notRequired",
  "clearance.reason.rejected",
  "clearance.reason.awaitingApproval",
  "clearance.reason.firstMonthUnpaid",
] as const;

export type RuleIssueCode = (typeof RULE_ISSUE_CODES)[number];

export type RuleIssueParams = Record<string, string | number>;

export interface RuleIssue {
  code: RuleIssueCode;
  params?: RuleIssueParams;
}

export function issue(code: RuleIssueCode, params?: RuleIssueParams): RuleIssue {
  return params === undefined ? { code } : { code, params };
}

/** A parse result: the normalised value, or the issue that refused the input. */
export type Check<T> = { ok: true; value: T } | { ok: false; issue: RuleIssue };
