/**
 * The columns of one ContributionLine for a month, priced by the rules in force for that month
 * (docs/regulation.md §3: JKK, JKM, JHT if chosen, PP 50/2025 relief). Pure; the e-form (submit, resubmit) and
 * the review (approval, payments ahead) write lines through it, so a month is priced one way.
 */
import { contributionForMonth, type BpuSector } from "@/lib/rules";

export interface LinePricing {
  declaredIncome: number;
  jht: boolean;
  sector: BpuSector;
  fundedByBudget: boolean;
}

export function contributionLineColumns(pricing: LinePricing, month: string) {
  const q = contributionForMonth({ ...pricing, month });
  return {
    month: new Date(`${month}-01T00:00:00Z`),
    tierTableVersion: q.tierTableVersion,
    tierBasis: q.tierBasis,
    jkkGross: q.gross.jkk,
    jkmGross: q.gross.jkm,
    jhtGross: q.gross.jht,
    jkk: q.jkk,
    jkm: q.jkm,
    jht: q.jht,
    discount: q.discount,
    reliefRuleId: q.reliefRuleId,
    total: q.total,
    dueDate: new Date(`${q.dueDate}T00:00:00Z`),
  };
}
