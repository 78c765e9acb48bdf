/**
 * The e-form's schema, in three parts: ./fields.ts (zod shapes, field names and order: client-safe),
 * ./validate.ts (the whole-form validation the server decides with) and ./drafts.ts (kept input and
 * drafts). Client components import ./fields directly, so that the catalogue's translator stays on
 * the server.
 */
export * from "@/lib/enrolment/schema/fields";
export * from "@/lib/enrolment/schema/validate";
export * from "@/lib/enrolment/schema/drafts";

