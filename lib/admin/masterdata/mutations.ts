import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { AppError, fieldError } from "@/lib/action/errors";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/config";
import type { MasterDataInput, MasterEntity, RetireInput } from "@/lib/admin/masterdata/schema";

type Tx = Prisma.TransactionClient;

const ENTITY_TYPES: Record<MasterEntity, string> = {
  kanwil: "Kanwil",
  kantorCabang: "KantorCabang",
  penyalur: "Penyalur",
  office: "PenyalurOffice",
  province: "Province",
  regency: "Regency",
};

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A linked record chosen by code, in service; else a field error on `field`. */
async function linked<T>(find: Promise<T | null>, field: string, locale: Locale): Promise<T> {
  const row = await find;
  if (!row) throw fieldError({ [field]: [translator(locale)("adminData.master.errors.chooseLive")] });
  return row;
}

const live = { retiredAt: null };

/**
 * Writes one master-data record (created when `input.id` is absent) and its audit row, with the
 * values before and after, in one transaction. What changes mean for the past
 * (docs/decisions/0014-admin-data-and-audit.md): an office's Kantor Cabang only routes new
 * enrolments (each enrolment keeps the kantorCabangId it was routed to); a Kantor Cabang moved to
 * another Kanwil takes its enrolments' dashboard cells along (the dash_kantor_cabang_moved trigger,
 * in this same transaction); a penyalur's disbursement gate applies to clearances from now on.
 */
export async function saveMasterData(actor: Actor, input: MasterDataInput, locale: Locale): Promise<{ id: string; created: boolean }> {
  if (!can(actor, "masterData:manage")) throw new AppError("FORBIDDEN");
  try {
    return await db().$transaction(async (tx) => {
      const saved = await write(tx, input, locale);
      await tx.auditEvent.create({
        data: {
          actorId: actor.id,
          action: `${input.entity}.${saved.before ? "update" : "create"}`,
          entityType: ENTITY_TYPES[input.entity],
          entityId: saved.id,
          before: (saved.before ?? undefined) as Prisma.InputJsonValue | undefined,
          after: saved.after as Prisma.InputJsonValue,
        },
      });
      return { id: saved.id, created: !saved.before };
    }, { timeout: 60_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError({ code: [translator(locale)("adminData.master.errors.codeTaken")] });
    throw error;
  }
}

type Written = { id: string; before: Record<string, unknown> | null; after: Record<string, unknown> };

async function write(tx: Tx, input: MasterDataInput, locale: Locale): Promise<Written> {
  switch (input.entity) {
    case "kanwil": {
      const data = { name: input.name };
      if (!input.id) {
        const row = await tx.kanwil.create({ data: { code: input.code!, ...data }, select: { id: true } });
        return { id: row.id, before: null, after: { code: input.code, ...data } };
      }
      const before = await tx.kanwil.findUnique({ where: { id: input.id }, select: { name: true } });
      if (!before) throw new AppError("NOT_FOUND");
      await tx.kanwil.update({ where: { id: input.id }, data });
      return { id: input.id, before, after: data };
    }
    case "kantorCabang": {
      const kanwil = await linked(tx.kanwil.findUnique({ where: { code: input.kanwil, ...live }, select: { id: true } }), "kanwil", locale);
      await linked(tx.province.findUnique({ where: { code: input.province, ...live }, select: { code: true } }), "province", locale);
      const data = { name: input.name, kanwilId: kanwil.id, provinceCode: input.province, timeZone: input.timeZone };
      const shown = { name: input.name, kanwil: input.kanwil, province: input.province, timeZone: input.timeZone };
      if (!input.id) {
        const row = await tx.kantorCabang.create({ data: { code: input.code!, ...data }, select: { id: true } });
        return { id: row.id, before: null, after: { code: input.code, ...shown } };
      }
      // FOR UPDATE conflicts with the key-share lock an enrolment written for this branch holds: a
      // submit in flight finishes first (its cells are then re-keyed too), a later one waits.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "KantorCabang" WHERE id = ${input.id}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND");
      const before = await tx.kantorCabang.findUnique({ where: { id: input.id }, select: { name: true, provinceCode: true, timeZone: true, kanwil: { select: { code: true } } } });
      if (!before) throw new AppError("NOT_FOUND");
      // The move trigger re-keys this branch's dashboard cells inside this transaction.
      await tx.kantorCabang.update({ where: { id: input.id }, data });
      return { id: input.id, before: { name: before.name, kanwil: before.kanwil.code, province: before.provinceCode, timeZone: before.timeZone }, after: shown };
    }
    case "penyalur": {
      const data = { name: input.name, type: input.type, disbursementGate: input.disbursementGate };
      if (!input.id) {
        const row = await tx.penyalur.create({ data: { code: input.code!, ...data }, select: { id: true } });
        return { id: row.id, before: null, after: { code: input.code, ...data } };
      }
      const before = await tx.penyalur.findUnique({ where: { id: input.id }, select: { name: true, type: true, disbursementGate: true } });
      if (!before) throw new AppError("NOT_FOUND");
      await tx.penyalur.update({ where: { id: input.id }, data });
      return { id: input.id, before, after: data };
    }
    case "office": {
      const kc = await linked(tx.kantorCabang.findUnique({ where: { code: input.kantorCabang, ...live }, select: { id: true } }), "kantorCabang", locale);
      await linked(tx.province.findUnique({ where: { code: input.province, ...live }, select: { code: true } }), "province", locale);
      const data = { name: input.name, level: input.level, provinceCode: input.province, timeZone: input.timeZone, defaultKantorCabangId: kc.id };
      const shown = { name: input.name, level: input.level, province: input.province, timeZone: input.timeZone, kantorCabang: input.kantorCabang };
      if (!input.id) {
        const penyalur = await linked(tx.penyalur.findUnique({ where: { code: input.penyalur!, ...live }, select: { id: true } }), "penyalur", locale);
        const row = await tx.penyalurOffice.create({ data: { penyalurId: penyalur.id, code: input.code!, ...data }, select: { id: true } });
        return { id: row.id, before: null, after: { penyalur: input.penyalur, code: input.code, ...shown } };
      }
      const before = await tx.penyalurOffice.findUnique({
        where: { id: input.id },
        select: { name: true, level: true, provinceCode: true, timeZone: true, defaultKantorCabang: { select: { code: true } } },
      });
      if (!before) throw new AppError("NOT_FOUND");
      // Effective for new enrolments only: each enrolment keeps the kantorCabangId it was routed to.
      await tx.penyalurOffice.update({ where: { id: input.id }, data });
      return {
        id: input.id,
        before: { name: before.name, level: before.level, province: before.provinceCode, timeZone: before.timeZone, kantorCabang: before.defaultKantorCabang?.code ?? null },
        after: shown,
      };
    }
    case "province": {
      const kanwil = await linked(tx.kanwil.findUnique({ where: { code: input.kanwil, ...live }, select: { id: true } }), "kanwil", locale);
      const data = { name: input.name, kanwilId: kanwil.id, timeZone: input.timeZone };
      const shown = { name: input.name, kanwil: input.kanwil, timeZone: input.timeZone };
      if (!input.id) {
        const row = await tx.province.create({ data: { code: input.code!, ...data }, select: { code: true } });
        return { id: row.code, before: null, after: { code: input.code, ...shown } };
      }
      const before = await tx.province.findUnique({ where: { code: input.id }, select: { name: true, timeZone: true, kanwil: { select: { code: true } } } });
      if (!before) throw new AppError("NOT_FOUND");
      await tx.province.update({ where: { code: input.id }, data });
      return { id: input.id, before: { name: before.name, kanwil: before.kanwil.code, timeZone: before.timeZone }, after: shown };
    }
    case "regency": {
      // Its province is its code's first two digits (the schema checks they agree): fixed once created.
      if (!input.id) {
        await linked(tx.province.findUnique({ where: { code: input.province!, ...live }, select: { code: true } }), "province", locale);
        await tx.regency.create({ data: { code: input.code!, provinceCode: input.province!, name: input.name } });
        return { id: input.code!, before: null, after: { code: input.code, province: input.province, name: input.name } };
      }
      const before = await tx.regency.findUnique({ where: { code: input.id }, select: { name: true } });
      if (!before) throw new AppError("NOT_FOUND");
      await tx.regency.update({ where: { code: input.id }, data: { name: input.name } });
      return { id: input.id, before, after: { name: input.name } };
    }
  }
}

/** What still depends on a record in service; a record is retired only once nothing live does. */
async function liveDependants(tx: Tx, entity: MasterEntity, id: string): Promise<number> {
  switch (entity) {
    case "kanwil":
      return (await tx.kantorCabang.count({ where: { kanwilId: id, ...live } })) + (await tx.province.count({ where: { kanwilId: id, ...live } }));
    case "kantorCabang":
      return (await tx.penyalurOffice.count({ where: { defaultKantorCabangId: id, ...live } })) + (await tx.user.count({ where: { kantorCabangId: id, active: true } }));
    case "penyalur":
      return tx.penyalurOffice.count({ where: { penyalurId: id, ...live } });
    case "office":
      return tx.user.count({ where: { penyalurOfficeId: id, active: true } });
    case "province":
      return (
        (await tx.kantorCabang.count({ where: { provinceCode: id, ...live } })) +
        (await tx.penyalurOffice.count({ where: { provinceCode: id, ...live } })) +
        (await tx.regency.count({ where: { provinceCode: id, ...live } }))
      );
    case "regency":
      // Nothing stores a regency by key yet: addresses keep the regency as text (the e-form's), and
      // the NIK check reads Kemendagri's table, not this one (docs/decisions/0014 §1). A retired
      // regency is only no longer offered.
      return 0;
  }
}

/**
 * Retires (or brings back) a record. Never a delete: enrolments, users and decisions refer to it.
 * A retired record is offered for nothing new (the e-form, the forms here) and still shown on
 * history. Refused (INVALID_STATE) while live records depend on it.
 */
export async function retireMasterData(actor: Actor, input: RetireInput, now: Date = new Date()): Promise<void> {
  if (!can(actor, "masterData:manage")) throw new AppError("FORBIDDEN");
  const { entity, id, restore } = input;
  const byCode = entity === "province" ? /^\d{2}$/ : entity === "regency" ? /^\d{4}$/ : /^[0-9a-f-]{36}$/i;
  if (!byCode.test(id)) throw new AppError("NOT_FOUND");
  await db().$transaction(async (tx) => {
    if (!restore) {
      const dependants = await liveDependants(tx, entity, id);
      if (dependants > 0) throw new AppError("INVALID_STATE", { message: "masterDataInUse", params: { count: dependants } });
    }
    const data = { retiredAt: restore ? null : now };
    const where = { retiredAt: restore ? { not: null } : null };
    const { count } =
      entity === "kanwil" ? await tx.kanwil.updateMany({ where: { id, ...where }, data })
      : entity === "kantorCabang" ? await tx.kantorCabang.updateMany({ where: { id, ...where }, data })
      : entity === "penyalur" ? await tx.penyalur.updateMany({ where: { id, ...where }, data })
      : entity === "office" ? await tx.penyalurOffice.updateMany({ where: { id, ...where }, data })
      : entity === "province" ? await tx.province.updateMany({ where: { code: id, ...where }, data })
      : await tx.regency.updateMany({ where: { code: id, ...where }, data });
    if (count !== 1) throw new AppError("CONFLICT");
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: `${entity}.${restore ? "restore" : "retire"}`,
        entityType: ENTITY_TYPES[entity],
        entityId: id,
        before: { retiredAt: restore ? "set" : null },
        after: { retiredAt: restore ? null : now.toISOString() },
      },
    });
  });
}
