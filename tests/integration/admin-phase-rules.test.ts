/**
 * Phase rules of the phased mandate (docs/regulation.md §2, Permenko 1/2023 Pasal 22 ayat (8)) as an
 * administrator manages them (/admin/fase, lib/admin/phase): the preview counts exactly the pending
 * debtors that saving then makes required, with the same matchPhaseRule; a rule that decided
 * enrolments is never rewritten, only ended and replaced, and every stored decision still replays.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { savePhaseRuleAction, endPhaseRuleAction, type PhasePreview } from "@/lib/admin/phase/actions";
import { phaseRulesFor } from "@/lib/enrolment/data";
import { translator } from "@/lib/i18n/translator";
import { addDays, matchPhaseRule, replayMandate, todayInZone } from "@/lib/rules";
import { formData, runAction, signInAs } from "../support/actions";
import { DEMO_ACCOUNTS } from "../support/db";
import { submittedEnrolment } from "../support/review";
import { MIKRO_FORM, testPenyalur, type TestPenyalur } from "../support/admin";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
let bank: TestPenyalur;
let today: string;
const pending: string[] = [];

beforeAll(async () => {
  bank = await testPenyalur();
  today = todayInZone(new Date(), "Asia/Jakarta");
  // Three pending mikro debtors of this bank in Kanwil Jawa Barat, voluntary when submitted (no rule
  // covered the bank yet), and one KUR kecil, which no phase rule concerns.
  for (let i = 0; i < 3; i++) pending.push((await submittedEnrolment(bank.officer, { form: { ...MIKRO_FORM } })).id);
  await submittedEnrolment(bank.officer);
});

afterAll(async () => {
  await db().$disconnect();
});

const ruleFields = (extra: Record<string, string> = {}) => ({
  schemeMikro: "on",
  schemeSuperMikro: "on",
  penyalur: bank.code,
  kanwil: "JAWA_BARAT",
  startDate: addDays(today, -10),
  legalInstrument: "Surat Deputi II Kemenko Perekonomian No. S-99/D.II/2026 (uji)",
  ...extra,
});

const decisions = (ids: string[]) =>
  db().enrolment.findMany({ where: { id: { in: ids } }, select: { id: true, mandateStatus: true, mandateRuleId: true, mandateInputs: true, mandateRequiredFrom: true } });

describe("a phase rule's preview and its save", () => {
  it("the preview's count of pending debtors made required equals what saving then changes, enrolment for enrolment", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    expect((await decisions(pending)).every((d) => d.mandateStatus === "VOLUNTARY" && d.mandateRuleId === "PHASED_VOLUNTARY")).toBe(true);

    const preview = await runAction(savePhaseRuleAction, {}, formData({ ...ruleFields(), intent: "preview" }));
    const data = preview.result?.data as PhasePreview;
    expect(preview.result?.ok).toBe(true);
    expect(data.total).toBe(3);
    expect(data.byKanwil).toEqual([{ kanwilName: "Kanwil Jawa Barat", count: 3 }]);

    // A save that does not carry the previewed count is refused: the administrator must see the impact first.
    const blind = await runAction(savePhaseRuleAction, {}, formData({ ...ruleFields(), intent: "save" }));
    expect(blind.result?.code).toBe("CONFLICT");
    expect(await db().phaseRule.count({ where: { penyalurId: bank.penyalurId } })).toBe(0);

    const saved = await runAction(savePhaseRuleAction, {}, formData({ ...ruleFields(), intent: "save", expectTotal: String(data.total) }));
    expect(saved.redirect?.url).toBe("/admin/fase?tersimpan=3");
    const rule = await db().phaseRule.findFirstOrThrow({ where: { penyalurId: bank.penyalurId }, select: { id: true } });
    const after = await decisions(pending);
    expect(after.map((d) => d.mandateStatus)).toEqual(["PHASED_REQUIRED", "PHASED_REQUIRED", "PHASED_REQUIRED"]);
    for (const d of after) {
      expect(d.mandateRuleId).toBe("PHASED_MATCHED");
      expect((d.mandateInputs as Record<string, unknown>).phaseRuleId).toBe(rule.id);
      expect(d.mandateRequiredFrom?.toISOString().slice(0, 10)).toBe(addDays(today, -10));
      expect((d.mandateInputs as Record<string, unknown>).date).toBe(today);
    }
    expect(await db().auditEvent.count({ where: { action: "enrolment.redecide", entityId: { in: pending } } })).toBe(3);
    // Each re-decision is kept in the decision history with its rule version (docs/regulation.md §2.3).
    const history = await db().mandateDecisionRecord.findMany({ where: { enrolmentId: { in: pending }, occasion: "PHASE_RULE" }, select: { status: true, ruleVersion: true } });
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.status === "PHASED_REQUIRED" && h.ruleVersion.length > 0)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "phaseRule.create", entityId: rule.id, actorRole: "ADMIN" } })).toBe(1);
  });

  it("a second preview of the same rule now finds nobody: the debtors it changed are no longer voluntary", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const again = await runAction(savePhaseRuleAction, {}, formData({ ...ruleFields({ kanwil: "", province: "32" }), intent: "preview" }));
    expect((again.result?.data as PhasePreview).total).toBe(0);
  });

  it("field errors in Indonesian, on their fields, with the input kept", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const run = await runAction(
      savePhaseRuleAction,
      {},
      formData({ schemeMikro: "on", penyalur: bank.code, startDate: "31/02/2026", legalInstrument: "x", intent: "preview" }),
    );
    expect(run.result?.code).toBe("VALIDATION");
    expect(run.result?.errors).toMatchObject({
      startDate: [id("adminData.phase.errors.dateInvalid")],
      legalInstrument: [id("adminData.phase.errors.legalRequired")],
    });
    const crossed = await runAction(
      savePhaseRuleAction,
      {},
      formData({ ...ruleFields({ schemeMikro: "", schemeSuperMikro: "", province: "32", endDate: "01/01/2020" }), intent: "preview" }),
    );
    expect(crossed.result?.errors).toMatchObject({
      schemeMikro: [id("adminData.phase.errors.schemesRequired")],
      province: [id("adminData.phase.errors.kanwilOrProvince")],
      endDate: [id("adminData.phase.errors.endBeforeStart")],
    });
    expect(run.result?.values).toMatchObject({ penyalur: bank.code, startDate: "31/02/2026" });
  });

  it("a bank officer may not preview or save a phase rule", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    const run = await runAction(savePhaseRuleAction, {}, formData({ ...ruleFields(), intent: "preview" }));
    expect(run.result?.code).toBe("FORBIDDEN");
  });
});

describe("a rule that decided enrolments is only ended and replaced, and every decision still replays", () => {
  it("editing it is refused; ending it before its last decision is refused; it ends; the successor starts after", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const rule = await db().phaseRule.findFirstOrThrow({ where: { penyalurId: bank.penyalurId }, select: { id: true } });
    const before = await decisions(pending);

    const edit = await runAction(savePhaseRuleAction, {}, formData({ ...ruleFields({ kanwil: "" }), id: rule.id, intent: "save", expectTotal: "0" }));
    expect(edit.result).toMatchObject({ code: "INVALID_STATE", message: id("actionErrors.phaseRuleDecided", { count: 3 }) });

    const early = await runAction(endPhaseRuleAction, {}, formData({ id: rule.id, endDate: addDays(today, -1) }));
    expect(early.result?.code).toBe("VALIDATION");
    expect(early.result?.errors?.endDate?.[0]).toContain(today.split("-").reverse().join("/"));

    const ended = await runAction(endPhaseRuleAction, {}, formData({ id: rule.id, endDate: today }));
    expect(ended.redirect?.url).toBe(`/admin/fase?diakhiri=${rule.id}`);

    const overlapping = await runAction(savePhaseRuleAction, {}, formData({ ...ruleFields(), replaces: rule.id, intent: "save", expectTotal: "0" }));
    expect(overlapping.result?.errors?.startDate?.[0]).toBe(id("adminData.phase.errors.startAfterPredecessor", { date: addDays(today, 1).split("-").reverse().join("/") }));
    const successorFields = { ...ruleFields({ startDate: addDays(today, 1), legalInstrument: "Surat Deputi II No. S-100/D.II/2026 (pengganti, uji)" }), replaces: rule.id };
    const preview = await runAction(savePhaseRuleAction, {}, formData({ ...successorFields, intent: "preview" }));
    const successor = await runAction(savePhaseRuleAction, {}, formData({ ...successorFields, intent: "save", expectTotal: String((preview.result?.data as PhasePreview).total) }));
    expect(successor.redirect?.url).toMatch(/^\/admin\/fase\?tersimpan=\d+$/);
    expect(await db().phaseRule.count({ where: { penyalurId: bank.penyalurId } })).toBe(2);
    expect((await db().phaseRule.findUniqueOrThrow({ where: { id: rule.id }, select: { replacedBy: { select: { id: true } } } })).replacedBy).not.toBeNull();

    // The database refuses the same rewrite from any other writer.
    const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await sql.connect();
    try {
      await expect(sql.query(`update "PhaseRule" set "kanwilId" = null where id = $1`, [rule.id])).rejects.toThrow(/decided enrolments/);
      await expect(sql.query(`update "PhaseRule" set "endDate" = "startDate" where id = $1`, [rule.id])).rejects.toThrow(/decided enrolments/);
      await expect(sql.query(`delete from "PhaseRule" where id = $1`, [rule.id])).rejects.toThrow(/decided enrolments/);
      await sql.query(`update "PhaseRule" set note = 'catatan diperbaiki' where id = $1`, [rule.id]);
    } finally {
      await sql.end();
    }

    // Nothing stored changed, each decision replays from its inputs alone, and the rule table as it
    // is now still picks the ended rule on each decision's date.
    expect(await decisions(pending)).toEqual(before);
    const rules = await phaseRulesFor(bank.penyalurId);
    for (const d of before) {
      const inputs = d.mandateInputs as Record<string, unknown>;
      const replayed = replayMandate(inputs);
      expect(replayed).toMatchObject({ status: d.mandateStatus, ruleId: d.mandateRuleId, inputs });
      const scope = { penyalurId: bank.penyalurId, kanwilCode: "JAWA_BARAT", provinceCode: inputs.provinceCode as string, scheme: "MIKRO" as const };
      expect(matchPhaseRule(rules, scope, inputs.date as string)?.id).toBe(rule.id);
      expect(matchPhaseRule(rules, scope, addDays(inputs.date as string, 1))?.id).not.toBe(rule.id);
    }
  });
});
