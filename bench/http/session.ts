/**
 * Signing in over HTTP the way the sign-in form does: next-auth's CSRF token, then its credentials
 * callback. The answer is the Cookie header a signed-in browser sends.
 */
export const DEMO_PASSWORD = "LindungiKUR-2026";

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

export async function signIn(base: string, email: string, password = DEMO_PASSWORD, from = "198.18.0.1"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "X-Forwarded-For": from } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; "), "X-Forwarded-For": from },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/beranda" }),
  });
  await response.arrayBuffer();
  const session = cookiesOf(response).filter((c) => c.includes("session-token="));
  if (!session.length) throw new Error(`Masuk sebagai ${email} gagal (${response.status} → ${response.headers.get("location")})`);
  return [...jar.filter((c) => !c.includes("session-token=")), ...session].join("; ");
}
