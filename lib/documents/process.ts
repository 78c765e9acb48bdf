import "server-only";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { MAX_IMAGE_SIDE, MAX_UPLOAD_BYTES } from "@/lib/documents/schema";

/** What the server keeps of an upload: its own re-encoding, never the bytes as sent. */
export interface ProcessedDocument {
  mimeType: "image/jpeg" | "application/pdf";
  content: Buffer;
  width: number | null;
  height: number | null;
  sha256: string;
}

/** Why an upload is refused: not an image or PDF by its bytes, too big, or one that cannot be read. */
export type RefusedUpload = "type" | "size" | "empty" | "unreadable";

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/**
 * Checks an upload by its magic bytes (file-type), whatever its name or the type the browser sent,
 * and rewrites it: images are decoded and re-encoded as JPEG by sharp (turned upright by their EXIF
 * orientation, then every metadata block — EXIF with the phone's GPS position, XMP, ICC comments —
 * dropped, no side above MAX_IMAGE_SIDE); a PDF is parsed by pdf-lib and saved again without its
 * document information (author, producer, dates). Anything else, an encrypted PDF included, is refused.
 */
export async function processUpload(bytes: Uint8Array): Promise<{ ok: true; document: ProcessedDocument } | { ok: false; reason: RefusedUpload }> {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, reason: "size" };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return { ok: false, reason: "type" };
  try {
    if (IMAGE_TYPES.has(detected.mime)) {
      const { data, info } = await sharp(bytes, { failOn: "error", limitInputPixels: 50_000_000 })
        .autoOrient()
        .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return { ok: true, document: { mimeType: "image/jpeg", content: data, width: info.width, height: info.height, sha256: sha256(data) } };
    }
    if (detected.mime === "application/pdf") {
      // Refuses encrypted files (the reviewer could not open them) and anything that does not parse.
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      if (pdf.getPageCount() === 0) return { ok: false, reason: "unreadable" };
      for (const clear of [pdf.setTitle, pdf.setAuthor, pdf.setSubject, pdf.setCreator, pdf.setProducer]) clear.call(pdf, "");
      pdf.setKeywords([]);
      const content = Buffer.from(await pdf.save({ updateFieldAppearances: false }));
      if (content.byteLength > MAX_UPLOAD_BYTES) return { ok: false, reason: "size" };
      return { ok: true, document: { mimeType: "application/pdf", content, width: null, height: null, sha256: sha256(content) } };
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  return { ok: false, reason: "type" };
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
