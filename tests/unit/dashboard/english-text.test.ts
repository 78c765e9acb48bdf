import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";

/**
 * The English UI of the dashboards, targets, exports and the portal shell has no Indonesian
 * sentence (issue #10). Names stay as they are (Kanwil, KUR, PP 50/2025, Permenko 1/2023); these
 * are the Indonesian words that would betray an untranslated message.
 */
const INDONESIAN = /\b(yang|dan|tidak|untuk|dengan|atau|ini|dalam|belum|sudah|bulan|tahun|pilih|isi|semua|menurut|cabang|penyalur|iuran|tunggakan|peserta|pendaftaran|keringanan|wajib|masuk|keluar|unduh|dasbor|simpan|menit|jam|hari)\b/i;

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}.${k}`, v] as [string, string]] : leaves(v, `${prefix}.${k}`)));
}

describe("English messages of the dashboard area and the shell", () => {
  it.each(["dashboard", "targets", "exports", "nav", "login", "home", "errors"] as const)("%s has no Indonesian words", (namespace) => {
    const indonesian = leaves(en[namespace] as Tree, namespace).filter(([, text]) => INDONESIAN.test(text));
    expect(indonesian).toEqual([]);
  });

  it("nor the sign-in failures", () => {
    expect([en.actionErrors.loginInvalid, en.actionErrors.loginDelayed, en.actionErrors.loginAddressLimited].filter((t) => INDONESIAN.test(t))).toEqual([]);
  });
});
