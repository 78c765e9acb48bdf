/**
 * JHT for a BPU participant who is an employer (docs/regulation.md §3.1, §3.7): JHT is optional for a
 * BPU, except that a debtor whose business employs workers is a BPU "Pemberi Kerja" (PP 46/2015 Pasal 4
 * ayat (3) huruf a) and must join JHT (Permenaker 5/2021, Pasal 31–32 as summarised). The e-form asks
 * whether the business employs workers; an unticked JHT is then a field error (the officer ticks it, so
 * the debtor sees the programme chosen on the form), not a silent change.
 */
import { issue, type RuleIssue } from "./issues";

export function jhtRequiredForEmployer(employsWorkers: boolean): boolean {
  return employsWorkers;
}

/**
 * null unless the business employs workers and JHT was not chosen: `jht.requiredForEmployer`
 * { workers } (0 when the count is not known).
 */
export function checkJhtForEmployer(input: { employsWorkers: boolean; workerCount?: number | null; jht: boolean }): RuleIssue | null {
  if (!jhtRequiredForEmployer(input.employsWorkers) || input.jht) return null;
  return issue("jht.requiredForEmployer", { workers: input.workerCount ?? 0 });
}
