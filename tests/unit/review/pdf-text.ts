/**
 * The text drawn on a PDF's pages, as a reader would copy it: each `Tj` string decoded through its
 * font's ToUnicode map (embedded fonts such as the certificate's Noto Sans write glyph ids, not
 * characters), or as Latin-1 for a standard font without one. Enough for the PDFs pdf-lib writes;
 * not a general PDF text extractor.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from "pdf-lib";

function streamText(doc: PDFDocument, ref: unknown): string {
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(stream instanceof PDFRawStream)) return "";
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}

const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");

/** bfchar and bfrange entries of a ToUnicode CMap: code (hex) → text. */
function parseCmap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(m[1]!.toUpperCase(), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, start] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let c = lo; c <= hi; c++) map.set(c.toString(16).toUpperCase().padStart(m[1]!.length, "0"), String.fromCodePoint(start + c - lo));
    }
  }
  return map;
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const fonts = new Map<string, Map<string, string> | null>();
    const fontDict = page.node.Resources()?.lookup(PDFName.of("Font"));
    if (fontDict instanceof PDFDict) {
      for (const [name, ref] of fontDict.entries()) {
        const font = doc.context.lookup(ref);
        const toUnicode = font instanceof PDFDict ? font.get(PDFName.of("ToUnicode")) : undefined;
        fonts.set(name.asString(), toUnicode ? parseCmap(streamText(doc, toUnicode)) : null);
      }
    }
    const contents = page.node.Contents();
    const parts = contents instanceof PDFArray ? contents.asArray() : [contents];
    const content = parts.map((p) => streamText(doc, p)).join("\n");
    let current: Map<string, string> | null = null;
    for (const m of content.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (m[1]) {
        current = fonts.get(m[1]) ?? null;
        continue;
      }
      const hex = m[2]!.toUpperCase();
      if (!current) {
        out.push(Buffer.from(hex, "hex").toString("latin1"));
        continue;
      }
      const width = [...current.keys()][0]?.length ?? 4;
      for (let i = 0; i < hex.length; i += width) out.push(current.get(hex.slice(i, i + width)) ?? "\uFFFD");
    }
  }
  return out.join("");
}
