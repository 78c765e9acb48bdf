import { addDays, todayInZone } from "@/lib/rules";
import { uniqueNik } from "./db";
import { uniqueLoanNumber } from "./eform";
import { kecilApiBody } from "./h2h-body";

const TODAY = todayInZone(new Date(), "Asia/Jakarta");

/** Every e-form field as a bank's system sends it (JSON types), for a KUR kecil of Rp150.000.000. */
export function apiBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...kecilApiBody({ nik: uniqueNik("1985-08-17"), loanNumber: uniqueLoanNumber("H2H"), plannedDisbursementDate: addDays(TODAY, 7) }), ...overrides };
}

