import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Action, type Subject } from "@/lib/auth/permissions";

const LINKS: { href: string; action: Action; key: "people" | "targets" | "masterData" | "phaseRules" | "apiKeys" | "webhooks" | "audit" | "paymentChannels" }[] = [
  { href: "/admin/pengguna", action: "user:manage", key: "people" },
  { href: "/admin/data", action: "masterData:manage", key: "masterData" },
  { href: "/admin/fase", action: "phaseRule:manage", key: "phaseRules" },
  { href: "/admin/kunci-api", action: "apiKey:manage", key: "apiKeys" },
  { href: "/admin/webhook", action: "webhook:manage", key: "webhooks" },
  { href: "/admin/audit", action: "audit:read", key: "audit" },
  { href: "/admin/target", action: "target:manage", key: "targets" },
  { href: "/admin/kanal-pembayaran", action: "paymentChannel:manage", key: "paymentChannels" },
];

/** The administration pages this user may open, for the home page (nothing when none). */
export async function AdminLinks({ actor }: { actor: Subject }) {
  const links = LINKS.filter((l) => can(actor, l.action));
  if (links.length === 0) return null;
  const t = await getTranslations("adminData.home");
  return (
    <section aria-labelledby="admin-links" className="space-y-2">
      <h2 id="admin-links" className="text-lg font-semibold">{t("title")}</h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block rounded border border-slate-200 bg-white px-4 py-3 font-medium text-brand-700 underline hover:bg-slate-50">{t(l.key)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
