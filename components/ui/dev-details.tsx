import type { ReactNode } from "react";

/**
 * Developer codes (rule ids and versions, tariff table versions) behind a "details" disclosure: the
 * page says what was decided in words; the codes stay one tap away for support and audit.
 */
export function DevDetails({ summary, children, testId }: { summary: string; children: ReactNode; testId?: string }) {
  return (
    // Codes for support, not for the printed record (one A4 sheet, tests/e2e/print.spec.ts).
    <details className="mt-2 text-xs text-slate-600 print:hidden" data-testid={testId}>
      <summary className="inline-flex min-h-6 cursor-pointer items-center underline underline-offset-2">{summary}</summary>
      <div className="mt-1 font-mono">{children}</div>
    </details>
  );
}
