import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { COVERAGE_LABELS, formatDateId } from "@/lib/rules";
import type { CertificateData } from "@/lib/review/data";

/** The public page a certificate's QR code opens. */
export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/verifikasi/${encodeURIComponent(code)}`;
}

// pdf-lib's standard fonts speak WinAnsi only: anything else becomes '?' rather than failing the PDF.
function winAnsi(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[^\x20-\x7E\u00A0-\u00FF]/g, "?");
}

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
 * The certificate of participation as a one-page A4 PDF: KPJ, name, masked NIK, programs, protected
 * until, issuing branch, and a QR code to the public verification page. Built with pdf-lib's
 * standard fonts (nothing read from disk, so it works the same under `next start`).
 */
export async function certificatePdf(c: CertificateData, origin: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const url = verificationUrl(origin, c.verificationCode);
  doc.setTitle(`Sertifikat Kepesertaan BPJS Ketenagakerjaan KPJ ${c.kpj}`);
  doc.setSubject(`KPJ ${c.kpj}`);
  doc.setKeywords(["BPJS Ketenagakerjaan", "KUR", `KPJ ${c.kpj}`]);
  doc.setCreator("LindungiKUR");
  doc.setProducer("LindungiKUR (pdf-lib)");
  doc.setLanguage("id-ID");

  const page = doc.addPage([595.28, 841.89]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const green = rgb(0.05, 0.4, 0.25);
  const grey = rgb(0.3, 0.3, 0.3);
  const text = (s: string, x: number, y: number, size: number, font: PDFFont = regular, color = rgb(0, 0, 0)) =>
    page.drawText(winAnsi(s), { x, y, size, font, color });

  page.drawRectangle({ x: 0, y: 781.89, width: 595.28, height: 60, color: green });
  text("SERTIFIKAT KEPESERTAAN", 48, 812, 20, bold, rgb(1, 1, 1));
  text("BPJS Ketenagakerjaan - Bukan Penerima Upah (debitur KUR)", 48, 792, 11, regular, rgb(1, 1, 1));

  text("Nomor KPJ", 48, 730, 11, regular, grey);
  text(c.kpj, 48, 702, 28, bold);

  const rows: [string, string][] = [
    ["Nama peserta", c.fullName],
    ["NIK", c.nikMasked],
    ["Program", c.programs.join(", ")],
    ["Dilindungi sampai", c.protectedUntil ? formatDateId(c.protectedUntil) : "belum ada iuran yang dibayar"],
    ["Status kepesertaan", COVERAGE_LABELS[c.status]],
    ["Kantor Cabang penerbit", `${c.kantorCabangName} (${c.kanwilName})`],
    ["Penyalur KUR", c.penyalurName],
    ["Disetujui", formatDateId(c.approvedAt)],
    ["Dicetak", formatDateId(c.issuedOn)],
  ];
  let y = 660;
  for (const [label, value] of rows) {
    text(label, 48, y, 11, regular, grey);
    text(value, 210, y, 12, bold);
    y -= 26;
  }

  drawQr(page, url, 48, 170, 170);
  text("Periksa keabsahan sertifikat ini:", 236, 320, 11, bold);
  text("pindai kode QR, atau buka alamat berikut.", 236, 304, 11);
  const shown = winAnsi(url);
  // Long URLs wrap at 60 characters so they stay on the page.
  for (let i = 0, line = 0; i < shown.length; i += 60, line++) text(shown.slice(i, i + 60), 236, 280 - line * 14, 9, regular, grey);
  text("Halaman verifikasi menampilkan status dan masa perlindungan terkini;", 236, 220, 9, regular, grey);
  text("status pada sertifikat ini berlaku pada tanggal cetak.", 236, 208, 9, regular, grey);

  text("Dasar: Permenko Perekonomian 1/2023; PP 44/2015 jo. PP 82/2019 jo. PP 49/2023.", 48, 120, 9, regular, grey);
  text("Dokumen ini dibuat oleh sistem LindungiKUR dan sah tanpa tanda tangan.", 48, 106, 9, regular, grey);

  return doc.save({ useObjectStreams: false });
}
