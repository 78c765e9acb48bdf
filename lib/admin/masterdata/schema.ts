/**
 * Master data as an administrator types it (/admin/data/...): Kanwil, Kantor Cabang, penyalur, its
 * offices, provinces and regencies/cities. Codes are fixed once created: they are what URLs, dashboard filters and
 * stored mandate decisions (kanwilCode) name. Pure: the messages are passed in.
 */
import { z } from "zod";
import type { Messages } from "@/lib/i18n/config";
import { CODE_PATTERN } from "@/lib/admin/schema-fields";

export type MasterMessage = (key: keyof Messages["adminData"]["master"]["errors"]) => string;

export const MASTER_ENTITIES = ["kanwil", "kantorCabang", "penyalur", "office", "province", "regency"] as const;
export type MasterEntity = (typeof MASTER_ENTITIES)[number];

/** The path segment of each entity's page (/admin/data/<segment>). */
export const ENTITY_SEGMENTS: Record<MasterEntity, string> = {
  kanwil: "kanwil",
  kantorCabang: "kantor-cabang",
  penyalur: "penyalur",
  office: "kantor-penyalur",
  province: "provinsi",
  regency: "kabupaten-kota",
};

/** The key of each record: a uuid, or a province's code "PP", or a regency's code "PPRR". */
export const MASTER_ID_PATTERN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{2}|\d{4})$/i;

/** A regency/city code as a NIK carries it: province (2 digits) + regency (01–69) or city (71–99). */
export const REGENCY_CODE_PATTERN = /^\d{2}(0[1-9]|[1-6]\d|7[1-9]|[89]\d)$/;

/** The zones of Indonesia's offices (WIB, WITA, WIT). */
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"] as const;
export const PENYALUR_TYPES = ["BANK", "PEGADAIAN", "BPR", "KOPERASI"] as const;
export const GATES = ["BLOCK", "WARN"] as const;
export const OFFICE_LEVELS = ["HEAD_OFFICE", "BRANCH", "UNIT"] as const;

export function masterDataInput(m: MasterMessage) {
  /** The record edited: a uuid, a province's two-digit code or a regency's four-digit one. */
  const id = z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.string().regex(MASTER_ID_PATTERN).optional());
  const optionalText = z.string().optional().transform((v) => (v?.trim() ? v.trim() : undefined));
  /** Absent when editing: a code does not change. */
  const codeOnCreate = z.string().optional().transform((v) => (v?.trim() ? v.trim().toUpperCase() : undefined)).pipe(z.string().regex(CODE_PATTERN, m("codeFormat")).optional());
  const name = z.string({ error: m("nameRequired") }).trim().min(3, m("nameRequired")).max(120, m("nameTooLong"));
  const pick = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: m("choose") });
  const ref = z.string({ error: m("choose") }).trim().regex(CODE_PATTERN, m("choose"));
  const provinceCode = z.string({ error: m("choose") }).trim().min(1, m("choose")).regex(/^\d{2}$/, m("provinceFormat"));
  return z
    .discriminatedUnion("entity", [
      z.object({ entity: z.literal("kanwil"), id, code: codeOnCreate, name }),
      z.object({ entity: z.literal("kantorCabang"), id, code: codeOnCreate, name, kanwil: ref, province: provinceCode, timeZone: pick(TIME_ZONES) }),
      z.object({ entity: z.literal("penyalur"), id, code: codeOnCreate, name, type: pick(PENYALUR_TYPES), disbursementGate: pick(GATES) }),
      z.object({
        entity: z.literal("office"),
        id,
        penyalur: z.string().optional().transform((v) => (v?.trim() ? v.trim() : undefined)).pipe(z.string().regex(CODE_PATTERN, m("choose")).optional()),
        code: codeOnCreate,
        name,
        level: pick(OFFICE_LEVELS),
        province: provinceCode,
        timeZone: pick(TIME_ZONES),
        kantorCabang: ref,
      }),
      z.object({ entity: z.literal("province"), id, code: optionalText.pipe(z.string().regex(/^\d{2}$/, m("provinceFormat")).optional()), name, kanwil: ref, timeZone: pick(TIME_ZONES) }),
      // A regency's province is its code's first two digits: chosen when created, fixed after.
      z.object({ entity: z.literal("regency"), id, province: optionalText.pipe(z.string().regex(/^\d{2}$/, m("provinceFormat")).optional()), code: optionalText.pipe(z.string().regex(REGENCY_CODE_PATTERN, m("regencyCodeFormat")).optional()), name }),
    ])
    .superRefine((v, ctx) => {
      if (!v.id && !v.code) ctx.addIssue({ code: "custom", path: ["code"], message: m("codeRequired") });
      if (v.entity === "office" && !v.id && !v.penyalur) ctx.addIssue({ code: "custom", path: ["penyalur"], message: m("choose") });
      if (v.entity === "regency" && !v.id) {
        if (!v.province) ctx.addIssue({ code: "custom", path: ["province"], message: m("choose") });
        else if (v.code && !v.code.startsWith(v.province)) ctx.addIssue({ code: "custom", path: ["code"], message: m("regencyCodeProvince") });
      }
    });
}
export type MasterDataInput = z.output<ReturnType<typeof masterDataInput>>;

export const retireInput = z.object({
  entity: z.enum(MASTER_ENTITIES),
  id: z.string().min(1).max(40),
  restore: z.string().optional().transform((v) => v === "1"),
});
export type RetireInput = z.output<typeof retireInput>;
