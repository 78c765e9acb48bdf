/**
 * The e-form's schema, in three parts: ./fields.ts (zod shapes, field names and order: client-safe),
 * ./validate.ts (the whole-form validation the server decides with) and ./drafts.ts (kept input and
 * drafts). Client components import ./fields directly, so that the catalogue's translator stays on
 * the server.
 */
import { MESSAGES } from "@/lib/i18n/config";

export * from "@/lib/enrolment/schema/fields";
export * from "@/lib/enrolment/schema/validate";
export * from "@/lib/enrolment/schema/drafts";

/**
 * @deprecated Only app/(portal)/pendaftaran/[id]/page.tsx (the review area's record page) still
 * reads this; use `t("enums.heirRelationship.…")`. Derived from the catalogue, not a second copy.
 */
export const HEIR_RELATIONSHIP_LABELS = {
  id: MESSAGES.id.enums.heirRelationship,
  en: MESSAGES.en.enums.heirRelationship,
};
