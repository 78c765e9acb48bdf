"use client";

import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Charts (recharts 3). They are a visual summary only: each sits beside a table with the same
 * numbers (FigureTable), which is what screen readers and keyboard users get, so the chart itself
 * is hidden from assistive technology and takes no focus.
 */
export interface Series {
  key: string;
  label: string;
  color: string;
}

/** Axis and tooltip numbers in the user's language ("1,2 rb" / "1.2K"). */
function useCompact() {
  const format = useFormatter();
  return { format: (v: number) => format.number(v, { notation: "compact" }) };
}

export function BarFigure({
  data,
  categoryKey,
  series,
  horizontal = false,
  percent = false,
}: {
  data: Record<string, string | number | null | undefined>[];
  categoryKey: string;
  series: Series[];
  horizontal?: boolean;
  percent?: boolean;
}) {
  const fmt = useCompact();
  const tick = (v: number) => (percent ? `${v}%` : fmt.format(v));
  const height = horizontal ? Math.max(160, 28 * data.length + 40) : 240;
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={tick} domain={percent ? [0, 100] : undefined} />
              <YAxis type="category" dataKey={categoryKey} width={150} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
              <YAxis tickFormatter={tick} width={56} />
            </>
          )}
          <Tooltip formatter={(v) => (percent ? `${v}%` : fmt.format(Number(v)))} />
          {series.length > 1 ? <Legend /> : null}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * The series with the period in progress (`partialCategory`) taken off the solid line and drawn as a
 * dashed segment from the last complete period: a month half gone is not a fall (docs/decisions/0026).
 */
export function splitPartial(data: Record<string, string | number | null | undefined>[], categoryKey: string, keys: string[], partialCategory?: string | null) {
  const at = partialCategory ? data.findIndex((row) => row[categoryKey] === partialCategory) : -1;
  if (at < 0) return { data, partial: false };
  return {
    partial: true,
    data: data.map((row, i) => {
      const next = { ...row };
      for (const k of keys) {
        next[`${k}Partial`] = i === at || i === at - 1 ? row[k] : null;
        if (i === at) next[k] = null;
      }
      return next;
    }),
  };
}

export function LineFigure({
  data: rows,
  categoryKey,
  series,
  partialCategory,
}: {
  data: Record<string, string | number | null | undefined>[];
  categoryKey: string;
  series: Series[];
  /** The category (axis label) of the period in progress, drawn dashed. */
  partialCategory?: string | null;
}) {
  const fmt = useCompact();
  const { data, partial } = splitPartial(rows, categoryKey, series.map((s) => s.key), partialCategory);
  return (
    <div aria-hidden="true" className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => fmt.format(v)} width={56} />
          <Tooltip formatter={(v) => fmt.format(Number(v))} />
          <Legend />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
          {partial
            ? series.map((s) => (
                <Line key={`${s.key}Partial`} type="monotone" dataKey={`${s.key}Partial`} name={s.label} stroke={s.color} strokeWidth={2} strokeDasharray="6 4" dot={{ r: 3 }} legendType="none" isAnimationActive={false} />
              ))
            : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
