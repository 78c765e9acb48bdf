/**
 * The demo's local webhook receiver (`npm run demo` starts it; alone: `npm run webhook:receiver`).
 * Registers itself as BRI's webhook with the published demo secret (prisma/seed/webhooks.ts), checks
 * every delivery's signature exactly as docs/api.md tells a bank to, and lists what it received at
 * http://127.0.0.1:<WEBHOOK_RECEIVER_PORT>/ (newest first). Answers 200 to a valid delivery and 401 to
 * an invalid one, so a wrong secret shows up in the portal's delivery log as failed attempts.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { DEMO_WEBHOOK_SECRET, seedDemoWebhook } from "../prisma/seed/webhooks";
import { say } from "./lib/log";

const port = Number(process.env.WEBHOOK_RECEIVER_PORT ?? 4000);
const url = `http://127.0.0.1:${port}/webhook`;

interface Delivery {
  at: string;
  event: string;
  valid: boolean;
  body: string;
}
const received: Delivery[] = [];

/** What a bank's receiver does (docs/api.md): recompute the HMAC over "<timestamp>.<raw body>", compare in constant time, refuse old timestamps. */
function verify(secret: string, timestamp: string | undefined, signature: string | undefined, body: string): boolean {
  if (!timestamp || !signature || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

if (process.env.DATABASE_URL) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  await seedDemoWebhook(prisma, url);
  await prisma.$disconnect();
}

createServer((req, res) => {
  if (req.method === "POST" && req.url === "/webhook") {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const valid = verify(DEMO_WEBHOOK_SECRET, req.headers["x-lindungikur-timestamp"] as string | undefined, req.headers["x-lindungikur-signature"] as string | undefined, body);
      received.unshift({ at: new Date().toISOString(), event: String(req.headers["x-lindungikur-event"] ?? "?"), valid, body });
      received.length = Math.min(received.length, 200);
      say(`Webhook diterima: ${received[0]!.event} (${valid ? "tanda tangan sah" : "TANDA TANGAN TIDAK SAH"})`);
      res.writeHead(valid ? 200 : 401, { "content-type": "text/plain" }).end(valid ? "ok" : "bad signature");
    });
    return;
  }
  const rows = received
    .map((d) => `<tr><td>${escape(d.at)}</td><td><code>${escape(d.event)}</code></td><td>${d.valid ? "✓ sah" : "✗ tidak sah"}</td><td><pre>${escape(JSON.stringify(JSON.parse(d.body), null, 2))}</pre></td></tr>`)
    .join("");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
    `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta http-equiv="refresh" content="5"><title>Penerima webhook demo</title>` +
      `<style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap;font-size:.8rem}</style>` +
      `<h1>Penerima webhook demo (BRI)</h1><p>${received.length} pengiriman diterima; halaman ini memuat ulang setiap 5 detik.</p>` +
      `<table><thead><tr><th>Waktu</th><th>Peristiwa</th><th>Tanda tangan</th><th>Isi</th></tr></thead><tbody>${rows}</tbody></table></html>`,
  );
}).listen(port, "127.0.0.1", () => say(`Penerima webhook demo di http://127.0.0.1:${port}/ (terdaftar sebagai webhook BRI: ${url}).`));
