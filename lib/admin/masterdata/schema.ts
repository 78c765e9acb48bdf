/**
 * Master data as an administrator types it (/admin/data/...): Kanwil, Kantor Cabang, penyalur, its
 * offices and provinces. Codes are fixed once created: they are what URLs, dashboard filters and
 * stored mandate decisions (kanwilCode) name. Pure: the messages are passed in.
 */
import { z } from "zod";
import type { Messages } from "@/lib/i18n/config";
import { CODE_PATTERN } from "@/lib/admin/schema-fields";

export type MasterMessage = (key: keyof Messages["adminData"]["master"]["errors"]) => string;

export const MASTER_ENTITIES = ["kanwil", "kantorCabang", "penyalur", "office", "province"] as const;
export type MasterEntity = (typeof MASTER_ENTITIES)[number];

/** The path segment of each entity's page (/admin/data/<segment>). */
export const ENTITY_SEGMENTS: Record<MasterEntity, string> = {
  kanwil: "kanwil",
  kantorCabang: "kantor-cabang",
  penyalur: "penyalur",
  office: "kantor-penyalur",
  province: "provinsi",
};

/** The zones of Indonesia's offices (WIB, WITA, WIT). */
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"] as const;
export const PENYALUR_TYPES = ["BANK", "PEGADAIAN", "BPR", "KOPERASI"] as const;
export const GATES = ["BLOCK", "WARN"] as const;
export const OFFICE_LEVELS = ["HEAD_OFFICE", "BRANCH", "UNIT"] as const;

export function masterDataInput(m: MasterMessage) {
  /** The record edited: a uuid, or a province's two-digit code. */
  const id = z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.string().regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{2})$/i).optional());
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
      z.object({ entity: z.literal("province"), id, code: z.string().optional().transform((v) => (v?.trim() ? v.trim() : undefined)).pipe(z.string().regex(/^\d{2}$/, m("provinceFormat")).optional()), name, kanwil: ref, timeZone: pick(TIME_ZONES) }),
    ])
    .superRefine((v, ctx) => {
      if (!v.id && !v.code) ctx.addIssue({ code: "custom", path: ["code"], message: m("codeRequired") });
      if (v.entity === "office" && !v.id && !v.penyalur) ctx.addIssue({ code: "custom", path: ["penyalur"], message: m("choose") });
    });
}
export type MasterDataInput = z.output<ReturnType<typeof masterDataInput>>;

export const retireInput = z.object({
  entity: z.enum(MASTER_ENTITIES),
  id: z.string().min(1).max(40),
  restore: z.string().optional().transform((v) => v === "1"),
});
export type RetireInput = z.output<typeof retireInput>;
