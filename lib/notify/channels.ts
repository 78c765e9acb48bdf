import "server-only";
import nodemailer from "nodemailer";
import { serverEnv } from "@/lib/env";

/**
 * How a message leaves the portal (docs/decisions/0021 §3): one interface, one adapter per kind of
 * channel. E-mail goes through nodemailer to an SMTP server (maildev in the demo); SMS and WhatsApp
 * through a gateway's HTTP API (`gatewayChannel`). An adapter throws on failure; the delivery job
 * records the error and retries.
 */
export type ChannelKind = "EMAIL" | "SMS" | "WHATSAPP";

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MessageChannel {
  kind: ChannelKind;
  /** Sends one message; resolves with the channel's id for it. */
  send(message: OutgoingMessage): Promise<{ id: string }>;
}

export class ChannelNotConfigured extends Error {
  constructor(kind: ChannelKind) {
    super(`channel ${kind} is not configured`);
  }
}

/** E-mail through nodemailer's SMTP transport (`smtp://host:port`). */
export function emailChannel(smtpUrl: string, from: string): MessageChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "EMAIL",
    async send(m) {
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      return { id: info.messageId };
    },
  };
}

/**
 * An SMS/WhatsApp gateway's send API, in the shape most Indonesian gateways offer: `POST <url>` with a
 * bearer token and `{"channel":"sms"|"whatsapp","to":"+62…","text":"…"}`, answering 2xx with
 * `{"id":"…"}`. Anything else is an error carrying the status (never the body, which may echo the number).
 */
export function gatewayChannel(kind: "SMS" | "WHATSAPP", url: string, token: string, fetcher: typeof fetch = fetch): MessageChannel {
  return {
    kind,
    async send(m) {
      const response = await fetcher(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel: kind.toLowerCase(), to: m.to, text: m.text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`gateway answered ${response.status}`);
      const body = (await response.json().catch(() => ({}))) as { id?: unknown };
      return { id: typeof body.id === "string" ? body.id : "" };
    },
  };
}

/** The channels this deployment has (lib/env.ts): e-mail when SMTP_URL is set, the phone channel when the gateway is. */
export function configuredChannels(): Partial<Record<ChannelKind, MessageChannel>> {
  const env = serverEnv();
  const channels: Partial<Record<ChannelKind, MessageChannel>> = {};
  if (env.SMTP_URL) channels.EMAIL = emailChannel(env.SMTP_URL, env.MAIL_FROM);
  if (env.SMS_GATEWAY_URL && env.SMS_GATEWAY_TOKEN) channels[env.PHONE_CHANNEL] = gatewayChannel(env.PHONE_CHANNEL, env.SMS_GATEWAY_URL, env.SMS_GATEWAY_TOKEN);
  return channels;
}
