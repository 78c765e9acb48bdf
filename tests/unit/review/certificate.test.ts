import { describe, expect, it } from "vitest";
import fontkit from "@pdf-lib/fontkit";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from "pdf-lib";
import { certificatePdf } from "@/lib/review/certificate";
import type { CertificateData } from "@/lib/review/data";
import { pdfText } from "./pdf-text";

const data: CertificateData = {
  kpj: "12345678901",
  fullName: "Nguyễn Thị Đào",
  nikMasked: "3273********0001",
  programs: ["JKK", "JKM"],
  protectedUntil: "2026-11-30",
  status: "ACTIVE",
  kantorCabangName: "KC Bandung Suci",
  kanwilName: "Kanwil Jawa Barat",
  penyalurName: "BRI",
  approvedAt: "2026-11-16",
  verificationCode: "abcdefghij_abcdefghij-abcde",
  billingCode: "8877123456789010",
  issuedOn: "2026-11-20",
};

describe("the certificate of participation (PDF)", () => {
  it("prints a name outside Latin-1 as written, with the QR's address and the masked NIK only", async () => {
    const text = await pdfText(await certificatePdf({ ...data, fullName: "Ṣalihah Nguyễn Thị Đào" }, "https://lindungikur.example"));
    expect(text).toContain("Ṣalihah Nguyễn Thị Đào");
    expect(text).toContain("SERTIFIKAT KEPESERTAAN");
    expect(text).toContain("Dilindungi sampai30/11/2026");
    expect(text).toContain("https://lindungikur.example/verifikasi/abcdefghij_abcdefghij-abcde");
    expect(text).toContain("3273********0001");
    // The billing code and how to pay with it (issue #15).
    expect(text).toContain("Kode bayar iuran8877 1234 5678 9010");
    expect(text).toContain("Bayar iuran bulanan dengan kode bayar ini");
  });

  it("in English: English headings and status, no Indonesian label left", async () => {
    const pdf = await certificatePdf(data, "https://lindungikur.example", "en");
    const text = await pdfText(pdf);
    for (const s of ["CERTIFICATE OF PARTICIPATION", "KPJ number", "Participant", "Protected until", "Cover status", "Active", "Issuing branch", "KUR lender", "Printed"]) {
      expect(text).toContain(s);
    }
    for (const s of ["SERTIFIKAT", "Nama peserta", "Dilindungi", "Status kepesertaan", "Aktif", "Penyalur KUR", "Dicetak", "Periksa"]) {
      expect(text).not.toContain(s);
    }
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toBe("BPJS Ketenagakerjaan Certificate of Participation KPJ 12345678901");
  });

  it("embeds the font as a subset whose every glyph has its outline (none drawn blank): a certificate stays small", async () => {
    const pdf = await certificatePdf({ ...data, fullName: "Ṣalihah Nguyễn Thị Đào" }, "https://lindungikur.example");
    expect(pdf.length).toBeLessThan(120_000);
    const doc = await PDFDocument.load(pdf);
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, obj]) => (obj instanceof PDFDict ? obj.lookup(PDFName.of("FontFile2")) : undefined))
      .filter((f): f is PDFRawStream => f instanceof PDFRawStream);
    expect(fonts).toHaveLength(2);
    for (const file of fonts) {
      const font = fontkit.create(Buffer.from(decodePDFRawStream(file).decode()));
      expect(font.numGlyphs).toBeLessThan(100);
      // Glyph 0 is .notdef; every other glyph is a character drawn on the page, and only the space is blank.
      // (A misaligned subset makes the outlines past the first odd-length glyph unreadable.)
      const blank = [];
      for (let id = 1; id < font.numGlyphs; id++) if (font.getGlyph(id).path.toSVG() === "") blank.push(id);
      expect(blank.length).toBeLessThanOrEqual(1);
    }
  });
});
