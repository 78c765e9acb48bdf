/**
 * `npx tsx bench/http/profile-summary.ts <file.cpuprofile> [--top 30]`: where a V8 CPU profile
 * (node --cpu-prof, e.g. `npm run bench:http -- --profile --only kirim`) spends its time — self
 * time by function and by package (node_modules/<name>, the app's own chunks, node internals),
 * and total (inclusive) time of the app's own functions. Prints Markdown.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "30" } } });
const profile = JSON.parse(await readFile(positionals[0]!, "utf8")) as Profile;
const top = Number(values.top);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...self.values()].reduce((a, b) => a + b, 0);

function packageOf(url: string): string {
  if (!url) return "(native/gc/idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node:internals";
  if (url.includes("/.next/")) return "app (.next chunks)";
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}
const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const sum = (entries: Iterable<[string, number]>) => {
  const m = new Map<string, number>();
  for (const [k, v] of entries) m.set(k, (m.get(k) ?? 0) + v);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};
const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1)}%`;
const msOf = (us: number) => (us / 1000).toFixed(0);

console.log(`Profil ${positionals[0]}: ${(totalUs / 1e6).toFixed(1)} s sampel.\n`);
console.log("| paket | self ms | % |\n|---|---:|---:|");
for (const [k, v] of sum([...self].map(([id, us]) => [packageOf(byId.get(id)!.callFrame.url), us])).slice(0, top)) console.log(`| ${k} | ${msOf(v)} | ${pct(v)} |`);
console.log("\n| fungsi (self) | self ms | % |\n|---|---:|---:|");
for (const [k, v] of sum([...self].map(([id, us]) => [label(byId.get(id)!), us])).slice(0, top)) console.log(`| ${k} | ${msOf(v)} | ${pct(v)} |`);

// Inclusive time per function: each sample counts once for every distinct function on its stack.
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const l = label(byId.get(n)!);
    if (!seen.has(l)) {
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
}
console.log("\n| fungsi (inklusif) | ms | % |\n|---|---:|---:|");
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).filter(([k]) => !k.startsWith("(root)") && !k.startsWith("(program)")).slice(0, top)) console.log(`| ${k} | ${msOf(v)} | ${pct(v)} |`);
