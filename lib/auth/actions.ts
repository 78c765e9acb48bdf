"use server";

import { AuthError } from "next-auth";
import { AccountLockedSignin, signIn, signOut } from "@/lib/auth/config";

export interface LoginState {
  error?: "invalid" | "locked";
  /** With "locked": whole minutes until the account may try again. */
  minutes?: number;
  email?: string;
}

/**
 * Login. next-auth's signIn() signals success by throwing a redirect, so only AuthError is
 * handled here; everything else is rethrown (STACK.md).
 */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").slice(0, 200);
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: "/beranda",
    });
    return {};
  } catch (error) {
    if (error instanceof AccountLockedSignin) return { error: "locked", minutes: error.minutes, email };
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error;
  }
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/masuk" });
}
