import { describe, expect, it } from "vitest";
import { checkJhtForEmployer, jhtRequiredForEmployer } from "@/lib/rules";
import { enText, expectIssue } from "./rule-text";

describe("JHT for a BPU who employs workers — PP 46/2015 Pasal 4 ayat (3) huruf a; Permenaker 5/2021 (docs/regulation.md §3.7)", () => {
  it("a debtor whose business employs workers must join JHT", () => {
    expect(jhtRequiredForEmployer(true)).toBe(true);
    expectIssue(
      checkJhtForEmployer({ employsWorkers: true, workerCount: 2, jht: false }),
      "jht.requiredForEmployer",
      "JHT wajib dipilih: usaha debitur mempekerjakan pekerja (2 orang), sehingga debitur adalah peserta BPU pemberi kerja yang wajib ikut JHT (PP 46/2015 Pasal 4 ayat (3) huruf a; Permenaker 5/2021).",
    );
  });

  it("without a count the sentence leaves the number out, in both languages", () => {
    const issue = checkJhtForEmployer({ employsWorkers: true, jht: false })!;
    expect(issue.params).toEqual({ workers: 0 });
    expect(enText(issue)).toBe(
      "JHT must be chosen: the debtor's business employs workers, so the debtor is a BPU employer who must join JHT (PP 46/2015 Article 4(3)(a); Permenaker 5/2021).",
    );
  });

  it("JHT chosen, or no workers: nothing to say — JHT stays optional for a BPU who employs nobody (PP 46/2015 Pasal 4 ayat (3) huruf b)", () => {
    expect(checkJhtForEmployer({ employsWorkers: true, workerCount: 5, jht: true })).toBeNull();
    expect(checkJhtForEmployer({ employsWorkers: false, jht: false })).toBeNull();
    expect(jhtRequiredForEmployer(false)).toBe(false);
  });
});
