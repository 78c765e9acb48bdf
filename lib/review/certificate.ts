import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { formatBillingCode, formatDateId } from "@/lib/rules";
import type { CertificateData } from "@/lib/review/data";

/** The public page a certificate's QR code opens. */
export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/verifikasi/${encodeURIComponent(code)}`;
}

/**
 * Noto Sans (OFL), read from its npm package at run time: it covers Latin with every diacritic
 * (Vietnamese, Yoruba, Arabic-script transliterations…), Greek and Cyrillic, so a participant's name
 * prints as written instead of the "?" that pdf-lib's WinAnsi standard fonts leave. Resolved from
 * the project root when first needed, not bundled (it works the same under `next start`); embedded
 * as a subset, so a certificate carries only the glyphs it uses.
 */
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
} as const;

/**
 * A subset keeps a certificate small (≈ 20 kB instead of ≈ 650 kB). No glyph composition: Noto's
 * `ccmp` would draw "ị" as "i" plus a combining dot that has no text behind it, so the name would
 * copy (and search) as "i" although it prints right; the precomposed glyph prints and copies as written.
 */
const FONT_OPTIONS = { subset: true, features: { ccmp: false } } as const;

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

function loadFonts() {
  fontBytes ??= (async () => {
    const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
    const [regular, bold] = await Promise.all([readFile(resolve(FONT_FILES.regular)), readFile(resolve(FONT_FILES.bold))]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })().catch((error: unknown) => {
    fontBytes = undefined; // a failed read is retried on the next certificate
    throw error;
  });
  return fontBytes;
}

/**
 * @pdf-lib/fontkit 1.1.1's TrueType subsetter copies each glyph as long as the source `loca` says
 * and, when the subset is small, writes a short `loca` (offsets halved). Noto Sans has glyphs of odd
 * length, so every offset after the first odd one is off by a byte and those glyphs vanish from the
 * page. Padding each copied glyph to an even length (as the TrueType spec asks for a short `loca`)
 * fixes it; trailing bytes after a glyph's data are ignored by every reader.
 */
let subsetterPatched = false;

function padSubsetGlyphs(font: { createSubset(): unknown }): void {
  if (subsetterPatched) return;
  const proto = Object.getPrototypeOf(font.createSubset()) as {
    _addGlyph?: (this: { glyf: Uint8Array[]; offset: number }, gid: number) => number;
  };
  const addGlyph = proto._addGlyph;
  if (typeof addGlyph !== "function") return;
  proto._addGlyph = function (gid) {
    const index = addGlyph.call(this, gid);
    const glyph = this.glyf[index]!;
    if (glyph.length % 2 === 1) {
      // fontkit's own Buffer class (a bundled polyfill): its encoder accepts nothing else.
      const Same = glyph.constructor as { alloc?: (size: number) => Uint8Array };
      const padded = Same.alloc ? Same.alloc(glyph.length + 1) : new Uint8Array(glyph.length + 1);
      padded.set(glyph);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  subsetterPatched = true;
}

/**
 * fontkit for pdf-lib, with the subsetter fixed on first use, and each font parsed once per process:
 * parsing Noto Sans takes longer than the rest of a certificate, and the parsed font is only read
 * (every certificate makes its own subset).
 */
const parsed = new WeakMap<object, ReturnType<typeof fontkit.create>>();
const paddedFontkit = {
  create(...args: Parameters<typeof fontkit.create>) {
    const [bytes] = args;
    const known = typeof bytes === "object" && bytes !== null ? parsed.get(bytes) : undefined;
    if (known) return known;
    const font = fontkit.create(...args);
    padSubsetGlyphs(font as unknown as { createSubset(): unknown });
    if (typeof bytes === "object" && bytes !== null) parsed.set(bytes, font);
    return font;
  },
};

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) {
        page.drawRectangle({
          x: x + (col + quiet) * cell,
          y: y + size - (row + quiet + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
      }
    }
  }
}

/**
 * The certificate of participation as a one-page A4 PDF, in the requester's language: KPJ, name,
 * masked NIK, programs, protected until, issuing branch, and a QR code to the public verification
 * page.
 */
export async function certificatePdf(c: CertificateData, origin: string, locale: Locale = "id"): Promise<Uint8Array> {
  const t = translator(locale);
  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const url = verificationUrl(origin, c.verificationCode);
  doc.setTitle(t("certificate.title", { kpj: c.kpj }));
  doc.setSubject(`KPJ ${c.kpj}`);
  doc.setKeywords(["BPJS Ketenagakerjaan", "KUR", `KPJ ${c.kpj}`]);
  doc.setCreator("LindungiKUR");
  doc.setProducer("LindungiKUR (pdf-lib)");
  doc.setLanguage(t("certificate.language"));

  const page = doc.addPage([595.28, 841.89]);
  const fonts = await loadFonts();
  const [regular, bold] = await Promise.all([doc.embedFont(fonts.regular, FONT_OPTIONS), doc.embedFont(fonts.bold, FONT_OPTIONS)]);
  const green = rgb(0.05, 0.4, 0.25);
  const grey = rgb(0.3, 0.3, 0.3);
  const text = (s: string, x: number, y: number, size: number, font: PDFFont = regular, color = rgb(0, 0, 0)) =>
    page.drawText(s, { x, y, size, font, color });

  page.drawRectangle({ x: 0, y: 781.89, width: 595.28, height: 60, color: green });
  text(t("certificate.heading"), 48, 812, 20, bold, rgb(1, 1, 1));
  text(t("certificate.subheading"), 48, 792, 11, regular, rgb(1, 1, 1));

  text(t("certificate.kpj"), 48, 730, 11, regular, grey);
  text(c.kpj, 48, 702, 28, bold);

  const rows: [string, string][] = [
    [t("certificate.name"), c.fullName],
    [t("certificate.nik"), c.nikMasked],
    [t("certificate.programs"), c.programs.join(", ")],
    [t("certificate.protectedUntil"), c.protectedUntil ? formatDateId(c.protectedUntil) : t("certificate.notProtected")],
    [t("certificate.status"), t(`enums.coverage.${c.status}`)],
    [t("certificate.branch"), `${c.kantorCabangName} (${c.kanwilName})`],
    [t("certificate.penyalur"), c.penyalurName],
    [t("certificate.approvedOn"), formatDateId(c.approvedAt)],
    [t("certificate.printedOn"), formatDateId(c.issuedOn)],
    ...(c.billingCode ? ([[t("certificate.billingCode"), formatBillingCode(c.billingCode)]] as [string, string][]) : []),
  ];
  let y = 660;
  for (const [label, value] of rows) {
    text(label, 48, y, 11, regular, grey);
    text(value, 210, y, 12, bold);
    y -= 26;
  }

  drawQr(page, url, 48, 170, 170);
  text(t("certificate.verifyTitle"), 236, 320, 11, bold);
  text(t("certificate.verifyHow"), 236, 304, 11);
  // Long URLs wrap at 60 characters so they stay on the page.
  for (let i = 0, line = 0; i < url.length; i += 60, line++) text(url.slice(i, i + 60), 236, 280 - line * 14, 9, regular, grey);
  text(t("certificate.verifyNote1"), 236, 220, 9, regular, grey);
  text(t("certificate.verifyNote2"), 236, 208, 9, regular, grey);

  if (c.billingCode) text(t("certificate.billingHow"), 48, 134, 9, regular, grey);
  text(t("certificate.legalBasis"), 48, 120, 9, regular, grey);
  text(t("certificate.generated"), 48, 106, 9, regular, grey);

  return doc.save({ useObjectStreams: false });
}
