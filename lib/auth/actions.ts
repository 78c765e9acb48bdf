"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { actionClient, formAction, formInput } from "@/lib/action/client";
import { AppError } from "@/lib/action/errors";
import { SecondFactorFailedSignin, SecondFactorSignin, SignInDelayed, signIn, signOut } from "@/lib/auth/config";
import { signOutEverywhere } from "@/lib/auth/mutations";
import { currentActor } from "@/lib/auth/session";

/**
 * Sign-in, on the one pipeline without an actor (nobody is signed in yet). The schema only bounds
 * the input: whether the address and password are right is the credentials provider's question
 * (lib/auth/config.ts), so every refusal reads the same, "wrong email or password", except a lock.
 * next-auth's signIn() signals success by throwing a redirect, which the pipeline lets through;
 * only AuthError becomes an answer here.
 */
const loginSafe = actionClient
  .metadata({ actionName: "auth.login" })
  .inputSchema(
    formInput(
      z.object({
        email: z.string().catch("").transform((v) => v.slice(0, 200)),
        password: z.string().catch("").transform((v) => v.slice(0, 200)),
      }),
    ),
  )
  .action(async ({ parsedInput }) => {
    try {
      await signIn("credentials", { email: parsedInput.email, password: parsedInput.password, redirectTo: "/beranda" });
    } catch (error) {
      // The password was right; the form now asks for the TOTP code (loginCodeAction).
      if (error instanceof SecondFactorSignin) return { step: "secondFactor" as const, ticket: error.ticket };
      // After repeated failures the next attempt waits a while (lib/auth/throttle.ts).
      if (error instanceof SignInDelayed) {
        const message = error.by === "account" ? "loginDelayed" : "loginAddressLimited";
        throw new AppError("RATE_LIMITED", { message, params: { unit: error.seconds < 120 ? "seconds" : "minutes", minutes: Math.ceil(error.seconds / 60), seconds: error.seconds } });
      }
      if (error instanceof AuthError) throw new AppError("VALIDATION", { message: "loginInvalid" });
      throw error;
    }
  });

export const loginAction = formAction(loginSafe);

/**
 * The second sign-in step: the ticket of the right password and the authenticator's code. A wrong
 * code is a field error (the ticket is kept, up to a few tries); a used-up or expired ticket sends
 * the user back to the first step.
 */
const loginCodeSafe = actionClient
  .metadata({ actionName: "auth.loginCode" })
  .inputSchema(
    formInput(
      z.object({
        ticket: z.string().catch("").transform((v) => v.slice(0, 100)),
        code: z.string().catch("").transform((v) => v.slice(0, 20)),
      }),
    ),
  )
  .action(async ({ parsedInput }) => {
    const t = await getTranslations("login");
    try {
      await signIn("credentials", { ticket: parsedInput.ticket, code: parsedInput.code, redirectTo: "/beranda" });
    } catch (error) {
      if (error instanceof SecondFactorFailedSignin && error.problem === "wrongCode") {
        throw new AppError("VALIDATION", { message: "loginCodeWrong", fieldErrors: { code: [t("codeWrong")] } });
      }
      if (error instanceof AuthError) throw new AppError("VALIDATION", { message: "loginCodeExpired" });
      throw error;
    }
  });

export const loginCodeAction = formAction(loginCodeSafe);

/** Sign-out ends the user's sessions everywhere (docs/decisions/0013-people-and-sessions.md). */
const logoutSafe = actionClient.metadata({ actionName: "auth.logout" }).action(async () => {
  const actor = await currentActor();
  if (actor) await signOutEverywhere(actor.id);
  await signOut({ redirectTo: "/masuk" });
});

export async function logoutAction(): Promise<void> {
  await logoutSafe();
}
