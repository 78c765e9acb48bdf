"use client";

/**
 * Prints the block marked data-print-block alone: the document is marked for this one print
 * (app/globals.css) and unmarked when the dialog closes, so printing the page itself prints the record.
 */
export function PrintButton({ label }: { label: string }) {
  function printBlock() {
    const root = document.documentElement;
    root.dataset.print = "block";
    window.addEventListener("afterprint", () => delete root.dataset.print, { once: true });
    window.print();
  }
  return (
    <button type="button" onClick={printBlock} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 print:hidden" data-testid="billing-print">
      {label}
    </button>
  );
}
