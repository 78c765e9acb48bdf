"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { actionClient, formAction, formInput } from "@/lib/action/client";
import { AppError } from "@/lib/action/errors";
import { SignInDelayed, signIn, signOut } from "@/lib/auth/config";

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

const logoutSafe = actionClient.metadata({ actionName: "auth.logout" }).action(async () => {
  await signOut({ redirectTo: "/masuk" });
});

export async function logoutAction(): Promise<void> {
  await logoutSafe();
}
