/**
 * Local stand-ins for the debtor-message channels (lib/notify/channels.ts): maildev (the demo's mail
 * catcher) as a child process with its REST API, and an SMS/WhatsApp gateway as a small HTTP server
 * that records what it was sent and answers what the test says.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import path from "node:path";

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  messages(): Promise<{ subject: string; text: string; to: { address: string }[] }[]>;
  stop(): Promise<void>;
}

/** maildev on 127.0.0.1 (SMTP `smtpPort`, web/API `webPort`); resolves once its API answers. */
export async function startMailCatcher(smtpPort: number, webPort: number): Promise<MailCatcher> {
  const bin = path.resolve("node_modules/.bin/maildev");
  const child: ChildProcess = spawn(bin, ["-s", String(smtpPort), "-w", String(webPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1"], { stdio: "ignore" });
  const webUrl = `http://127.0.0.1:${webPort}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${webUrl}/api/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 100) throw new Error("maildev did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl,
    messages: async () => (await (await fetch(`${webUrl}/api/email`)).json()) as never,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface GatewayStandIn {
  url: string;
  received: { authorization: string | undefined; body: { channel: string; to: string; text: string } }[];
  /** The status the next requests get (200 by default). */
  answer(status: number): void;
  stop(): Promise<void>;
}

export async function startGateway(): Promise<GatewayStandIn> {
  const received: GatewayStandIn["received"] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(text) });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status < 300 ? { id: `gw-${received.length}` } : { error: "down" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}/send`,
    received,
    answer: (s) => void (status = s),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
