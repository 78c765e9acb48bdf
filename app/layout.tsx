import type { Metadata, Viewport } from "next";
import "./globals.css";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = {
  title: { default: "LindungiKUR", template: "%s · LindungiKUR" },
  description: "Pendaftaran BPJS Ketenagakerjaan bagi debitur KUR (Permenko Perekonomian 1/2023)",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getDictionary();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
