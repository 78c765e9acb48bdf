import { describe, expect, it } from "vitest";
import { formatDuration, hoursBucket, medianFromHistogram } from "@/lib/dashboard/median";

describe("median time to decision from a histogram", () => {
  it("buckets hourly below two days, daily below thirty, then one open bucket", () => {
    expect([0, 0.9, 5.5, 47.9, 48, 71, 72, 719, 720, 5000].map(hoursBucket)).toEqual([0, 0, 5, 47, 48, 48, 72, 696, 720, 720]);
  });

  it("is null without decisions and ignores empty buckets", () => {
    expect(medianFromHistogram([])).toBeNull();
    expect(medianFromHistogram([{ hoursBucket: 3, decisions: 0 }])).toBeNull();
  });

  it("interpolates inside the median's bucket, whatever order the buckets come in", () => {
    // 4 decisions in [2,3) hours, 4 in [10,11): half = 4 → the end of the first bucket.
    expect(medianFromHistogram([{ hoursBucket: 10, decisions: 4 }, { hoursBucket: 2, decisions: 4 }])).toBe(3);
    // 10 decisions in [48,72): median halfway through the day bucket.
    expect(medianFromHistogram([{ hoursBucket: 48, decisions: 10 }])).toBe(60);
  });

  it("stays within one bucket of the exact median of the raw times", () => {
    const times = Array.from({ length: 501 }, (_, i) => Math.exp((i % 97) / 15));
    const counts = new Map<number, number>();
    for (const t of times) counts.set(hoursBucket(t), (counts.get(hoursBucket(t)) ?? 0) + 1);
    const median = medianFromHistogram([...counts].map(([hoursBucket, decisions]) => ({ hoursBucket, decisions })))!;
    const exact = [...times].sort((a, b) => a - b)[250]!;
    expect(Math.abs(median - exact)).toBeLessThanOrEqual(exact < 48 ? 1 : 24);
  });

  it("reads as hours and days, in Indonesian and English", () => {
    expect(formatDuration(5.2)).toBe("5 jam");
    expect(formatDuration(27)).toBe("1 hari 3 jam");
    expect(formatDuration(48, "en")).toBe("2 days");
    expect(formatDuration(800)).toBe("≥ 30 hari");
    expect(formatDuration(null)).toBe("—");
  });
});
