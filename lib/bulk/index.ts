/**
 * What other features use of the bulk upload: the streaming file reader (CSV/XLSX), the cell
 * readers of the template (dates dd/mm/yyyy, identifiers kept as text) and the JSON-rows insert, so
 * that the reconciliation list (lib/reconcile) is read and stored as the bulk upload's file is.
 */
export { readRows, sniffFormat, type FileFormat, type RawRow } from "@/lib/bulk/read";
export { dateCell, textCell, type Cell } from "@/lib/bulk/template";
export { insertRows } from "@/lib/bulk/mutations/insert";
export { estimateRows } from "@/lib/bulk/pipeline";
