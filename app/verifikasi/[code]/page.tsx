import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { COVERAGE_STYLE } from "@/components/review/coverage-summary";
import { verificationByCode } from "@/lib/review/data";
import { COVERAGE_LABELS, formatDateId } from "@/lib/rules";

export const metadata: Metadata = {
  title: "Verifikasi sertifikat kepesertaan",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * Public: what a certificate's QR code opens. Shows a third party only the masked name, the cover
 * status and the protected-until date; never the NIK, KPJ or contact data. Unknown codes get a 404.
 */
export default async function VerificationPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const view = await verificationByCode(code, new Date());
  if (!view) notFound();
  return (
    <main id="konten" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">Verifikasi sertifikat kepesertaan BPJS Ketenagakerjaan</h1>
      <p className="text-sm text-slate-700" lang="en">Certificate of participation check (BPJS Ketenagakerjaan).</p>
      <section aria-labelledby="hasil" className={`rounded border-l-4 p-4 ${COVERAGE_STYLE[view.status]}`} data-testid="verification">
        <h2 id="hasil" className="text-lg font-semibold">Sertifikat ini sah</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Nama peserta</dt>
          <dd className="font-mono" data-testid="masked-name">{view.maskedName}</dd>
          <dt className="font-medium">Status kepesertaan</dt>
          <dd className="font-bold">{COVERAGE_LABELS[view.status]}</dd>
          <dt className="font-medium">Dilindungi sampai</dt>
          <dd>{view.protectedUntil ? formatDateId(view.protectedUntil) : "belum ada iuran yang dibayar"}</dd>
          <dt className="font-medium">Program</dt>
          <dd>{view.programs.join(", ")}</dd>
          <dt className="font-medium">Diperiksa pada</dt>
          <dd>{formatDateId(view.checkedOn)}</dd>
        </dl>
      </section>
      <p className="text-sm text-slate-700">
        Halaman ini hanya menampilkan data yang diperlukan pihak ketiga. Untuk data lengkap, hubungi Kantor Cabang BPJS
        Ketenagakerjaan yang menerbitkan sertifikat.
      </p>
    </main>
  );
}
