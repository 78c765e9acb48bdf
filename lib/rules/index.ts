/**
 * lib/rules: the regulation as pure functions over dated, versioned reference data (docs/regulation.md).
 * Imports nothing from next, react, prisma or Node; never reads the clock ("today" is a parameter).
 */
export * from "./messages";
export * from "./issues";
export * from "./money";
export * from "./dates";
export * from "./kur";
export * from "./sectors";
export * from "./provinces";
export * from "./mandate";
export * from "./contributions";
export * from "./coverage";
export * from "./identifiers";
export { KBLI_2020_SECTIONS, KBLI_VERSION, type KbliSection } from "./data/kbli";
export { KUR_SCHEME_RULE_VERSIONS } from "./data/kur-schemes";
export { INTEREST_RATE_TABLES } from "./data/interest-rates";
export * from "./disbursement";
export * from "./working-days";
export * from "./kpj";
export * from "./payments";
export * from "./jht";
export * from "./billing";
