/**
 * Runs a server action inside vitest against the real database (the worker's copy of the seeded
 * template), stubbing ONLY what a request gives an action — never the database, the pipeline
 * (lib/action/client.ts), the schema or the mutation:
 *
 *   @/lib/auth/session  the signed-in actor (`signInAs(email)`: a real Actor loaded from the
 *                       database, as currentActor() would), requireActor/requirePermission
 *   next/headers        cookies() (an in-memory jar: the `lang` cookie that lib/i18n/server reads
 *                       and the locale action writes) and headers()
 *   next-intl/server    getTranslations() etc., backed by the real catalogue (lib/i18n/translator.ts)
 *                       in the jar's locale
 *   next/cache          revalidatePath/revalidateTag/updateTag, recorded
 *
 * next/navigation is the real one: redirect(), notFound(), forbidden() throw Next's errors, and
 * `runAction` turns their digest into `{ redirect }` / `{ httpError }`, as Next would answer.
 *
 * A test file declares the stubs (vi.mock is hoisted, so it must be written in the test file):
 *
 *   vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
 *   vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
 *   vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
 *   vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));
 *
 * then, per test: `await signInAs(DEMO_ACCOUNTS.admin)` (or `signOut()`), `useLocale("en")`,
 * `const run = await runAction(setTargetAction, {}, formData({ year: "2026", … }))`.
 */
import { beforeEach } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { actorByEmail } from "./db";

// forbidden()/unauthorized() are on in next.config.ts (experimental.authInterrupts); Next tells
// its runtime through this variable, which `next build` inlines.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= "true";

interface Request {
  actor: Actor | null;
  cookies: Map<string, string>;
  headers: Headers;
  revalidated: string[];
}

const request: Request = { actor: null, cookies: new Map(), headers: new Headers(), revalidated: [] };

/** A fresh request before every test: signed out, Indonesian, nothing revalidated. */
beforeEach(() => {
  request.actor = null;
  request.cookies = new Map();
  request.headers = new Headers();
  request.revalidated = [];
});

/** The caller is this demo (or test) account, loaded from the database like currentActor(). */
export async function signInAs(email: string): Promise<Actor> {
  request.actor = await actorByEmail(email);
  return request.actor;
}

/** The caller is `actor` as given (e.g. one whose user row is gone by the time the action runs). */
export function signInAsActor(actor: Actor): void {
  request.actor = actor;
}

export function signOut(): void {
  request.actor = null;
}

/** The visitor's language cookie, as the language switch sets it. */
export function useLocale(locale: Locale): void {
  request.cookies.set(LOCALE_COOKIE, locale);
}

export function cookie(name: string): string | undefined {
  return request.cookies.get(name);
}

/** What the action revalidated, as "path" or "path (type)". */
export function revalidated(): readonly string[] {
  return request.revalidated;
}

/** FormData as a form posts it: strings; arrays become repeated keys. */
export function formData(fields: Record<string, string | readonly string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of typeof value === "string" ? [value] : value) data.append(key, v);
  }
  return data;
}

export interface ActionRun<T> {
  /** What the action returned, when it returned. */
  result?: T;
  /** Where redirect() sent the browser (from Next's redirect error digest). */
  redirect?: { url: string; type: string; status: number };
  /** notFound() → 404, forbidden() → 403, unauthorized() → 401. */
  httpError?: number;
}

/**
 * Calls the action as Next would for a form post, and reports its answer: the returned value, or
 * the navigation it threw. Any other error propagates (the test fails), as Next would answer 500.
 */
export async function runAction<A extends unknown[], T>(action: (...args: A) => Promise<T>, ...args: A): Promise<ActionRun<T>> {
  try {
    return { result: await action(...args) };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string") {
      const [kind, ...rest] = digest.split(";");
      if (kind === "NEXT_REDIRECT") {
        // NEXT_REDIRECT;<type>;<url>;<status>; — the url may itself contain ';'.
        const status = Number(rest.at(-2));
        return { redirect: { type: rest[0]!, url: rest.slice(1, -2).join(";"), status } };
      }
      if (kind === "NEXT_HTTP_ERROR_FALLBACK") return { httpError: Number(rest[0]) };
    }
    throw error;
  }
}

// ── the stubs (vi.mock factories; see the header) ────────────────────────────────────────────────

export async function sessionStub() {
  const { forbidden, redirect } = await import("next/navigation");
  const { can } = await import("@/lib/auth/permissions");
  const currentActor = async (): Promise<Actor | null> => request.actor;
  return {
    currentActor,
    async requireActor(): Promise<Actor> {
      const actor = request.actor;
      if (!actor) return redirect("/masuk");
      return actor;
    },
    async requirePermission(action: Parameters<typeof can>[1]): Promise<Actor> {
      const actor = request.actor;
      if (!actor) return redirect("/masuk");
      if (!can(actor, action)) return forbidden();
      return actor;
    },
  };
}

export function headersStub() {
  const jar = {
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "object") request.cookies.set(name.name, name.value);
      else request.cookies.set(name, value ?? "");
      return jar;
    },
    delete: (name: string) => {
      request.cookies.delete(name);
      return jar;
    },
  };
  return {
    cookies: async () => jar,
    headers: async () => request.headers,
    draftMode: async () => ({ isEnabled: false, enable: () => undefined, disable: () => undefined }),
  };
}

function requestLocale(): Locale {
  const value = request.cookies.get(LOCALE_COOKIE);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

type Params = Parameters<ReturnType<typeof translator>>[1];

/** next-intl's server translator for one namespace, over the real catalogue. */
function scopedTranslator(locale: Locale, namespace?: string) {
  const t = translator(locale, request.actor?.timeZone) as unknown as {
    (key: string, params?: Params): string;
    has(key: string): boolean;
    rich(key: string, params?: Params): unknown;
    markup(key: string, params?: Params): string;
    raw(key: string): unknown;
  };
  const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const scoped = (key: string, params?: Params) => t(full(key), params);
  scoped.has = (key: string) => t.has(full(key));
  scoped.rich = (key: string, params?: Params) => t.rich(full(key), params);
  scoped.markup = (key: string, params?: Params) => t.markup(full(key), params);
  scoped.raw = (key: string) => t.raw(full(key));
  return scoped;
}

export async function intlStub() {
  const { createFormatter } = await import("next-intl");
  const { FORMATS } = await import("@/lib/i18n/formats");
  const { DEFAULT_TIME_ZONE } = await import("@/lib/i18n/config");
  const timeZone = () => request.actor?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    getTranslations: async (options?: string | { locale?: string; namespace?: string }) => {
      const namespace = typeof options === "string" ? options : options?.namespace;
      const asked = typeof options === "object" ? options.locale : undefined;
      return scopedTranslator(isLocale(asked) ? asked : requestLocale(), namespace);
    },
    getLocale: async () => requestLocale(),
    getTimeZone: async () => timeZone(),
    getNow: async () => new Date(),
    getFormatter: async () => createFormatter({ locale: requestLocale(), formats: FORMATS, timeZone: timeZone() }),
    getRequestConfig: (fn: unknown) => fn,
  };
}

export function cacheStub() {
  const record = (kind: string) => (target: string, type?: string) => void request.revalidated.push(type ? `${target} (${type})` : `${kind}:${target}`.replace(/^path:/, ""));
  return {
    revalidatePath: record("path"),
    revalidateTag: record("tag"),
    updateTag: record("tag"),
    refresh: () => undefined,
    unstable_cache: <T>(fn: T) => fn,
  };
}
