"use client";

/**
 * Unexpected errors: a plain message with the id that Next.js logged the error under (its digest),
 * never a stack trace. Client component by Next's rule, so the text is in both languages.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Terjadi kesalahan <span lang="en" className="text-slate-500">/ Something went wrong</span></h1>
      <p className="mt-2">
        Maaf, terjadi kesalahan tak terduga. Sebutkan kode ini bila menghubungi dukungan:{" "}
        <span lang="en" className="text-slate-500">Quote this code to support:</span>
      </p>
      <p className="mt-2 font-mono text-lg" data-testid="error-id">{error.digest ?? "—"}</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-700 px-4 py-2 text-white">
        Coba lagi / Try again
      </button>
    </main>
  );
}
