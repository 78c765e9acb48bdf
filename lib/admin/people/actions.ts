"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { actionClient, clientFor, formAction, formInput } from "@/lib/action/client";
import type { Actor } from "@/lib/auth/data";
import { getLocale } from "@/lib/i18n/server";
import {
  changeAccess,
  changeOwnPassword,
  enableSecondFactor,
  inviteUser,
  issuePasswordLink,
  resetSecondFactor,
  setActive,
  setPasswordWithLink,
  setSecondFactorRequired,
} from "@/lib/admin/people/mutations";
import {
  accessInput,
  changePasswordInput,
  inviteInput,
  secondFactorRequiredInput,
  setPasswordInput,
  totpConfirmInput,
  userRefInput,
  type PeopleMessage,
} from "@/lib/admin/people/schema";

/**
 * The people administration's actions (docs/decisions/0013-people-and-sessions.md), on the one
 * pipeline: administrators (`user:manage`) for other people, every user (`account:manage`) for
 * their own password, ADMIN and HEAD_OFFICE (`account:secondFactor`) for their TOTP. The public
 * set-password page has no actor: the link is its authority.
 */

const messages = async (): Promise<PeopleMessage> => {
  const t = await getTranslations("people.errors");
  return (key, params) => t(key, params);
};

const PEOPLE_PATH = "/admin/pengguna";
const personPath = (id: string) => `${PEOPLE_PATH}/${id}`;

const inviteSafe = clientFor("user:manage")
  .metadata({ actionName: "user.invite" })
  .inputSchema(async () => formInput(inviteInput(await messages())))
  .action(async ({ parsedInput, ctx }) => {
    const link = await inviteUser(ctx.actor, parsedInput, ctx.locale);
    revalidatePath(PEOPLE_PATH);
    return link;
  });
export const inviteAction = formAction(inviteSafe);

const changeAccessSafe = clientFor("user:manage")
  .metadata({ actionName: "user.changeAccess" })
  .inputSchema(async () => formInput(accessInput(await messages())))
  .action(async ({ parsedInput, ctx }) => {
    await changeAccess(ctx.actor, parsedInput, ctx.locale);
    revalidatePath(PEOPLE_PATH, "layout");
    redirect(`${personPath(parsedInput.userId)}?tersimpan=akses`);
  });
export const changeAccessAction = formAction(changeAccessSafe);

/**
 * One change to one person (administrators): the mutation, then the person's page again with what
 * was saved said at the top. Switching off, switching on, requiring or removing a second factor.
 */
function personChange<S extends z.ZodType<{ userId: string }>>(
  actionName: string,
  schema: S,
  change: (actor: Actor, input: z.output<S>) => Promise<void>,
  saved: "nonaktif" | "aktif" | "dualangkah",
) {
  const safe = clientFor("user:manage")
    .metadata({ actionName })
    .inputSchema(formInput(schema))
    .action(async ({ parsedInput, ctx }) => {
      const input = parsedInput as z.output<S>;
      await change(ctx.actor, input);
      revalidatePath(PEOPLE_PATH, "layout");
      redirect(`${personPath(input.userId)}?tersimpan=${saved}`);
    });
  return formAction(safe);
}

export const deactivateAction = personChange("user.deactivate", userRefInput, (actor, { userId }) => setActive(actor, userId, false), "nonaktif");
export const reactivateAction = personChange("user.reactivate", userRefInput, (actor, { userId }) => setActive(actor, userId, true), "aktif");
export const requireSecondFactorAction = personChange(
  "user.requireSecondFactor",
  secondFactorRequiredInput,
  (actor, { userId, required }) => setSecondFactorRequired(actor, userId, required),
  "dualangkah",
);
export const resetSecondFactorAction = personChange("user.resetSecondFactor", userRefInput, (actor, { userId }) => resetSecondFactor(actor, userId), "dualangkah");

const passwordLinkSafe = clientFor("user:manage")
  .metadata({ actionName: "user.passwordLink" })
  .inputSchema(formInput(userRefInput))
  .action(async ({ parsedInput, ctx }) => {
    const link = await issuePasswordLink(ctx.actor, parsedInput.userId);
    revalidatePath(personPath(parsedInput.userId));
    return link;
  });
export const passwordLinkAction = formAction(passwordLinkSafe);

/** The public page of an invitation or reset link: no one is signed in; the link is the authority. */
const setPasswordSafe = actionClient
  .metadata({ actionName: "user.setPassword" })
  .inputSchema(async () => formInput(setPasswordInput(await messages())))
  .action(async ({ parsedInput }) => {
    const { kind } = await setPasswordWithLink(parsedInput, await getLocale());
    redirect(`/masuk?sandi=${kind === "INVITATION" ? "siap" : "baru"}`);
  });
export const setPasswordAction = formAction(setPasswordSafe);

/**
 * Changing one's own password ends every session, this one too (its cookie is dead from now on):
 * the user signs in again with the new password.
 */
const changePasswordSafe = clientFor("account:manage")
  .metadata({ actionName: "account.changePassword" })
  .inputSchema(async () => formInput(changePasswordInput(await messages())))
  .action(async ({ parsedInput, ctx }) => {
    await changeOwnPassword(ctx.actor, parsedInput, ctx.locale);
    redirect("/masuk?sandi=diubah");
  });
export const changePasswordAction = formAction(changePasswordSafe);

const enableSecondFactorSafe = clientFor("account:secondFactor")
  .metadata({ actionName: "account.enableSecondFactor" })
  .inputSchema(async () => formInput(totpConfirmInput(await messages())))
  .action(async ({ parsedInput, ctx }) => {
    await enableSecondFactor(ctx.actor, parsedInput, ctx.locale);
    revalidatePath("/akun");
    redirect("/akun?tersimpan=dualangkah");
  });
export const enableSecondFactorAction = formAction(enableSecondFactorSafe);
