import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/people/invite-form";
import { placeOptions } from "@/lib/admin/people/data";
import { INVITATION_HOURS } from "@/lib/admin/people/schema";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.form");
  return { title: t("inviteTitle") };
}

/** Invite a user (administrators): role and place from the master data; the link is shown once. */
export default async function InvitePage() {
  const actor = await requirePermission("user:manage");
  const [t, places] = await Promise.all([getTranslations("people"), placeOptions(actor)]);
  return (
    <div className="space-y-4">
      <Link href="/admin/pengguna" className="text-sm text-brand-700 underline">{t("detail.back")}</Link>
      <h1 className="text-2xl font-semibold">{t("form.inviteTitle")}</h1>
      <InviteForm places={places} hours={INVITATION_HOURS} />
    </div>
  );
}
