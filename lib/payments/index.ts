/** What other parts use of payments (docs/decisions/0021): the settlement import job, for lib/jobs/registry.ts. */
export { settlementImportJob } from "@/lib/payments/jobs";
