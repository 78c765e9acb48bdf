import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The code cites the project's own documents, never ones outside the repository (issue #10): the
 * regulation is docs/regulation.md, the machine facts docs/platform.md, the enrolment lifecycle
 * docs/decisions/0009-enrolment-lifecycle.md. And a citation of a numbered section names a section
 * that exists, so that "docs/regulation.md §3" always leads somewhere.
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const SOURCE_DIRS = ["lib", "app", "components", "scripts", "tests", "prisma", "bench", "README.md", "*.config.ts", "*.config.mjs"];
const SELF = "tests/unit/docs/citations.test.ts";

function tracked(paths: string[]): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--", ...paths], { cwd: ROOT, encoding: "utf8" });
  return out
    .split("\0")
    .filter((f) => f !== "" && f !== SELF && existsSync(path.join(ROOT, f)))
    .filter((f) => !f.startsWith("lib/generated/") && !/\.(png|jpe?g|gif|ico|pdf|woff2?|ttf|otf|xlsx)$/i.test(f));
}

function lines(file: string): string[] {
  return readFileSync(path.join(ROOT, file), "utf8").split("\n");
}

/** Documents outside the repository that code used to cite. Built from parts so this file does not cite them. */
const OUTSIDE = [
  { name: ["RULES", "md"].join("."), pattern: new RegExp(["RULES", "\\.md"].join("")) },
  { name: ["STACK", "md"].join("."), pattern: new RegExp(["STACK", "\\.md"].join("")) },
  { name: "the session contract", pattern: new RegExp(["\\bcontract", "(?:'s names|\\s+(?:§|points?\\b|items?\\b))"].join("")) },
];

/** `docs/x.md §3`, `docs/x.md §3.2`, `docs/x.md §6, §7` → [["docs/x.md", "3"], …]. */
const CITATION = /(docs\/[\w./-]+\.md)((?:\s*(?:,|and|&)?\s*§\d+(?:\.\d+)*)+)/g;

function citationsIn(text: string): [string, string][] {
  const found: [string, string][] = [];
  for (const m of text.matchAll(CITATION)) {
    for (const s of m[2]!.matchAll(/§(\d+(?:\.\d+)*)/g)) found.push([m[1]!, s[1]!]);
  }
  return found;
}

const sectionCache = new Map<string, Set<string> | null>();
/** The § numbers a markdown document's headings declare ("## §3 …", "### §3.2 …"). */
function sectionsOf(doc: string): Set<string> | null {
  if (!sectionCache.has(doc)) {
    const file = path.join(ROOT, doc);
    sectionCache.set(
      doc,
      existsSync(file)
        ? new Set([...readFileSync(file, "utf8").matchAll(/^#{1,6}\s+§(\d+(?:\.\d+)*)\b/gm)].map((m) => m[1]!))
        : null,
    );
  }
  return sectionCache.get(doc)!;
}

describe("citations point at the project's own documents", () => {
  const files = tracked(SOURCE_DIRS);

  it("finds the source files to check", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("lib/rules/mandate.ts");
  });

  for (const outside of OUTSIDE) {
    it(`no source file cites ${outside.name} (it is not in the repository)`, () => {
      const hits = files.flatMap((f) =>
        lines(f).flatMap((line, i) => (outside.pattern.test(line) ? [`${f}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
      );
      expect(hits).toEqual([]);
    });
  }

  it("every `docs/….md §N` citation names a document that exists and a section it has", () => {
    const scanned = [...files, ...tracked(["docs"])];
    const broken = scanned.flatMap((f) =>
      lines(f).flatMap((line, i) =>
        citationsIn(line).flatMap(([doc, section]) => {
          const sections = sectionsOf(doc);
          if (sections === null) return [`${f}:${i + 1}: ${doc} does not exist`];
          return sections.has(section) ? [] : [`${f}:${i + 1}: ${doc} has no §${section}`];
        }),
      ),
    );
    expect(broken).toEqual([]);
  });

  it("docs/regulation.md keeps the section numbers the code cites (§1–§8)", () => {
    const sections = sectionsOf("docs/regulation.md");
    expect(sections).not.toBeNull();
    for (const n of ["1", "2", "3", "4", "5", "6", "7", "8"]) expect(sections!.has(n)).toBe(true);
  });

  it("the checks can fail: a made-up citation and an outside document are caught", () => {
    expect(citationsIn("see docs/regulation.md §3.2 and §99")).toEqual([
      ["docs/regulation.md", "3.2"],
      ["docs/regulation.md", "99"],
    ]);
    expect(sectionsOf("docs/regulation.md")!.has("99")).toBe(false);
    expect(citationsIn("(docs/regulation.md §6, §7)")).toEqual([
      ["docs/regulation.md", "6"],
      ["docs/regulation.md", "7"],
    ]);
    expect(OUTSIDE.some((o) => o.pattern.test(`// (${["RULES", "md"].join(".")} §2)`))).toBe(true);
    expect(OUTSIDE.some((o) => o.pattern.test("the contract §1 says"))).toBe(true);
    expect(OUTSIDE.some((o) => o.pattern.test("the work contract, at most 3 years"))).toBe(false);
  });
});
