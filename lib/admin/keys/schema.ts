/** The API-key forms (/admin/kunci-api). Pure: the messages are passed in. */
import { z } from "zod";
import type { Messages } from "@/lib/i18n/config";
import { CODE_PATTERN } from "@/lib/admin/schema-fields";

export type KeyMessage = (key: keyof Messages["adminData"]["keys"]["errors"]) => string;

/** How long a rotated key keeps working beside its successor, in hours (0 = refused at once). */
export const OVERLAP_HOURS = [0, 24, 72, 168] as const;

const name = (m: KeyMessage) => z.string({ error: m("nameRequired") }).trim().min(3, m("nameRequired")).max(100, m("nameTooLong"));

export function issueKeyInput(m: KeyMessage) {
  return z.object({
    penyalur: z.string({ error: m("penyalurRequired") }).trim().regex(CODE_PATTERN, m("penyalurRequired")),
    name: name(m),
  });
}
export type IssueKeyInput = z.output<ReturnType<typeof issueKeyInput>>;

export function rotateKeyInput(m: KeyMessage) {
  return z.object({
    id: z.uuid(),
    overlapHours: z.coerce.number({ error: m("overlapRequired") }).refine((h) => (OVERLAP_HOURS as readonly number[]).includes(h), m("overlapRequired")),
  });
}
export type RotateKeyInput = z.output<ReturnType<typeof rotateKeyInput>>;

export const revokeKeyInput = z.object({ id: z.uuid() });
