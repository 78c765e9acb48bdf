/**
 * The one module that reads process.env (docs/decisions/0004-layout.md). Parsed lazily so that `next build`
 * needs neither a database nor secrets.
 */
import { z } from "zod";

/** A comma-separated setting as its trimmed, non-empty items (unset: none). */
const commaList = () =>
  z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );

const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL belum diset: jalankan lewat `npm run demo` / `npm run dev`, atau set sendiri." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL harus berupa URL postgresql://"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Pool size per server process; the embedded cluster allows 200 connections. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * The portal's public address (e.g. https://lindungikur.example.go.id), printed in certificates'
   * QR codes. Unset: the address the request came to.
   */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Streaming read replicas (postgresql:// URLs, comma-separated): reads that tolerate a bounded
   * staleness (dashboards, exports, lists) go to them through `staleReadDb()` (lib/db.ts); writes and
   * every other read stay on DATABASE_URL. Empty: everything reads the primary.
   */
  DATABASE_REPLICA_URLS: commaList()
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URLS: setiap URL harus postgresql://"))),
  /**
   * The staleness bound of replica reads, in milliseconds: a replica is read only while everything
   * committed on the primary more than this long ago is known to be replayed on it; otherwise the
   * read goes to the primary.
   */
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** next-auth's signing key; production refuses to start without 32 characters of it. */
  AUTH_SECRET: z.string().optional(),
  /**
   * "1" on the demo and test servers (scripts/demo.ts, scripts/test-all.ts): demo accounts and the
   * published demo API key are then expected; anywhere else in production they refuse the start.
   */
  LINDUNGIKUR_DEMO: z.enum(["0", "1"]).default("0"),
  /**
   * Addresses of our own proxies / load balancers, comma-separated. X-Forwarded-For entries they
   * added are skipped when finding the client's address (lib/auth/client-address.ts).
   */
  /**
   * Where debtor e-mail goes (lib/notify/channels.ts), e.g. smtp://127.0.0.1:1025 (the demo's maildev).
   * Unset: e-mail messages stay in the outbox, marked failed with "not configured".
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default("LindungiKUR <no-reply@lindungikur.id>"),
  /** The SMS/WhatsApp gateway's send endpoint and its bearer token (lib/notify/gateway.ts). Unset: not sent. */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  /** Which of the gateway's channels a phone message goes by. */
  PHONE_CHANNEL: z.enum(["SMS", "WHATSAPP"]).default("SMS"),
  TRUSTED_PROXIES: commaList(),
});

export type ServerEnv = z.infer<typeof EnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Konfigurasi lingkungan tidak valid: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export const MIN_AUTH_SECRET_LENGTH = 32;

/**
 * What makes this configuration unsafe to serve real users with, one sentence each (empty when
 * safe). Only production outside the demo is held to it; instrumentation.ts refuses to start on
 * any (docs/decisions/0015-abuse-limits.md §Start-up).
 */
export function unsafeProductionSettings(env: ServerEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if ((env.AUTH_SECRET ?? "").length < MIN_AUTH_SECRET_LENGTH) {
    problems.push(
      `AUTH_SECRET kosong atau kurang dari ${MIN_AUTH_SECRET_LENGTH} karakter: buat dengan \`openssl rand -base64 32\`. / AUTH_SECRET is missing or shorter than ${MIN_AUTH_SECRET_LENGTH} characters.`,
    );
  }
  if (env.LINDUNGIKUR_DEMO !== "1" && !env.PUBLIC_BASE_URL) {
    problems.push(
      "PUBLIC_BASE_URL belum diset: QR sertifikat akan menunjuk ke alamat permintaan (mis. localhost); set ke alamat publik portal, mis. https://lindungikur.example.go.id. / PUBLIC_BASE_URL is not set.",
    );
  }
  return problems;
}

/** `next dev` (read on its own: the proxy needs it before anything else is valid). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).catch("info");

/** pino's level (LOG_LEVEL, default info); read on its own so that logging works before the rest is valid. */
export function logLevel(): z.infer<typeof LogLevel> {
  return LogLevel.parse(process.env.LOG_LEVEL ?? "info");
}
