/** An unknown or withdrawn certificate code: said plainly, with the 404 status. */
export default function UnknownCertificate() {
  return (
    <main id="konten" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">Sertifikat tidak dikenal</h1>
      <p data-testid="verification-unknown">
        Kode verifikasi ini tidak terdaftar. Sertifikat yang memuatnya tidak dapat dipastikan keabsahannya. Periksa
        kembali alamat yang dipindai, atau hubungi Kantor Cabang BPJS Ketenagakerjaan terdekat.
      </p>
      <p lang="en" className="text-sm text-slate-700">
        Unknown verification code: this certificate cannot be confirmed as genuine.
      </p>
    </main>
  );
}
