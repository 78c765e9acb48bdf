/**
 * The one module that reads process.env (docs/decisions/0004-layout.md). Parsed lazily so that `next build`
 * needs neither a database nor secrets.
 */
import { z } from "zod";

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

const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).catch("info");

/** pino's level (LOG_LEVEL, default info); read on its own so that logging works before the rest is valid. */
export function logLevel(): z.infer<typeof LogLevel> {
  return LogLevel.parse(process.env.LOG_LEVEL ?? "info");
}
