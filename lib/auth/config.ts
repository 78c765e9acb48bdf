import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionVersionOf, verifyCredentials } from "@/lib/auth/data";
import { beginSecondFactor, completeSecondFactor } from "@/lib/auth/mutations";
import { serverEnv } from "@/lib/env";
import { logger, redactText } from "@/lib/log";

/**
 * Thrown when a sign-in is refused unchecked (lib/auth/throttle.ts): the account must wait after
 * repeated failures, or the client address has failed too often. The code reaches the login form.
 */
export class SignInDelayed extends CredentialsSignin {
  code = "delayed";
  constructor(
    readonly by: "account" | "address",
    readonly seconds: number,
  ) {
    super();
  }
}

/**
 * The password was right and the user has a second factor: the sign-in goes on with the TOTP code
 * and this ticket (lib/auth/mutations.ts), so the password is not sent twice.
 */
export class SecondFactorSignin extends CredentialsSignin {
  code = "second_factor";
  constructor(readonly ticket: string) {
    super();
  }
}

/** The code step failed: a wrong code (try again), or the ticket is used up or expired (start again). */
export class SecondFactorFailedSignin extends CredentialsSignin {
  code = "second_factor_failed";
  constructor(readonly problem: "wrongCode" | "expired") {
    super();
  }
}

const SecondFactorSchema = z.object({ ticket: z.string().min(1).max(100), code: z.string().max(20) });

const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

/**
 * next-auth v5 (docs/decisions/0003-next-auth-v5.md): credentials only, JWT session holding just the
 * user id. Everything else about the user is read from the database on each request
 * (lib/auth/session.ts), so a deactivated user or a changed scope takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/masuk" },
  trustHost: true,
  logger: {
    // A wrong password is an expected event, not a server error: keep it out of the error log.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logger.error({ source: "next-auth", name: error.name, message: redactText(error.message) }, "next-auth error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, ticket: {}, code: {} },
      async authorize(raw, request) {
        // The second step of a sign-in with TOTP (docs/decisions/0013-people-and-sessions.md).
        const step = SecondFactorSchema.safeParse(raw);
        if (step.success) {
          const done = await completeSecondFactor(step.data.ticket, step.data.code);
          if (done.ok) return { id: done.userId };
          throw new SecondFactorFailedSignin(done.problem);
        }
        const parsed = LoginSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = clientAddress(request.headers.get("x-forwarded-for"), serverEnv().TRUSTED_PROXIES);
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, address);
        if (result.ok) {
          const ticket = await beginSecondFactor(result.userId);
          if (ticket) throw new SecondFactorSignin(ticket);
          return { id: result.userId };
        }
        if (result.refused) throw new SignInDelayed(result.refused, result.waitSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    // The session version is read at sign-in and compared with the user's on every request
    // (lib/auth/session.ts): raising it ends every session of the user at once.
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = await sessionVersionOf(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { sessionVersion: token.sv });
    },
  },
});
