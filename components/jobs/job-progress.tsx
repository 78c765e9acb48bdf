"use client";
/**
 * A tracked background job's progress (lib/jobs, docs/decisions/0024-jobs-and-events.md): polls
 * GET /api/jobs/<id> every second while the run is going, announces changes politely to screen
 * readers, and refreshes the page once the run has finished so the page shows its result. The run
 * lives in the database, so a reload (or another tab) picks it up where it is.
 */
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export interface JobProgressState {
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  done: number;
  total: number | null;
  errorId: string | null;
}

const POLL_MS = 1000;

export function JobProgress({ runId, label, initial }: { runId: string; label: string; initial: JobProgressState }) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [offline, setOffline] = useState(false);
  const finished = state.status === "SUCCEEDED" || state.status === "FAILED";

  useEffect(() => {
    if (finished) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/jobs/${runId}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as JobProgressState;
        if (cancelled) return;
        setOffline(false);
        setState(next);
        if (next.status === "SUCCEEDED" || next.status === "FAILED") router.refresh();
      } catch {
        if (!cancelled) setOffline(true);
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [runId, finished, router]);

  const pct = state.total ? Math.min(100, Math.floor((state.done / state.total) * 100)) : null;
  const text =
    state.status === "QUEUED"
      ? t("queued")
      : state.status === "RUNNING"
        ? state.total
          ? t("runningOf", { done: format.number(state.done), total: format.number(state.total), pct: pct ?? 0 })
          : t("running", { done: format.number(state.done) })
        : state.status === "SUCCEEDED"
          ? t("succeeded")
          : t("failed", { errorId: state.errorId ?? "-" });

  return (
    <div className="space-y-1" data-testid="job-progress" data-status={state.status}>
      <p className="text-sm font-medium" id={`job-${runId}-label`}>
        {label}
      </p>
      <progress
        className="h-3 w-full accent-emerald-700"
        aria-labelledby={`job-${runId}-label`}
        max={state.total ?? undefined}
        value={state.status === "SUCCEEDED" ? (state.total ?? 1) : state.total ? state.done : undefined}
      />
      <p className={`text-sm ${state.status === "FAILED" ? "text-red-800" : "text-slate-700"}`} role="status" aria-live="polite">
        {text}
        {offline && !finished ? ` ${t("offline")}` : ""}
      </p>
    </div>
  );
}
