import "server-only";
import { createHash } from "node:crypto";
import { channelKeyPrincipal } from "@/lib/api/data";
import { bearerToken } from "@/lib/api/keys";
import { receivePaymentNotification } from "@/lib/api/mutations";
import { paymentBodyProblems } from "@/lib/api/payment-notification-schema";
import { SIGNATURE_HEADER, SIGNATURE_WINDOW_SECONDS, TIMESTAMP_HEADER, checkSignature } from "@/lib/api/payment-signature";
import { REALM, isPlainObject, readJsonBody, replies } from "@/lib/api/quote-endpoint";
import { logUnexpected } from "@/lib/log";
import { formatMonthId, formatRupiah } from "@/lib/rules";

/**
 * POST /api/v1/payments/notifications (docs/api.md "Notifikasi pembayaran", docs/decisions/0016 §2): a
 * payment channel tells the portal a debtor paid against a billing code. Authenticate the channel's key,
 * read the body, check the HMAC signature and its timestamp window, validate, then settle through the
 * review's one settlement (lib/api/mutations.ts receivePaymentNotification). Errors in the quote API's
 * shape: `{ error }` or `{ errors: { field: [message] } }`; an amount not due adds `acceptedAmounts`.
 */
export async function postPaymentNotification(request: Request, now: Date): Promise<Response> {
  const reply = replies(request);
  const { t, json } = reply;
  try {
    const token = bearerToken(request.headers.get("authorization"));
    if (!token) return json(401, { error: t("error.channelKeyRequired") }, { "WWW-Authenticate": REALM });
    const channel = await channelKeyPrincipal(token);
    if (!channel) return json(401, { error: t("error.channelKeyInvalid") }, { "WWW-Authenticate": `${REALM}, error="invalid_token"` });

    const body = await readJsonBody(request, reply);
    if (!body.ok) return body.response;
    const signature = checkSignature({
      secret: channel.signingSecret,
      timestamp: request.headers.get(TIMESTAMP_HEADER),
      signature: request.headers.get(SIGNATURE_HEADER),
      body: body.text,
      now,
    });
    if (signature === "missing") return json(401, { error: t("error.signatureMissing") });
    if (signature === "stale") return json(401, { error: t("error.timestampStale", { seconds: String(SIGNATURE_WINDOW_SECONDS) }) });
    if (signature === "invalid") return json(401, { error: t("error.signatureInvalid") });
    if (!isPlainObject(body.value)) return json(400, { error: t("error.bodyNotObject") });

    const valid = paymentBodyProblems(body.value);
    if (!valid.ok) {
      const errors = Object.fromEntries(Object.entries(valid.errors).map(([field, keys]) => [field, keys.map((k) => t(`payment.${k}`))]));
      return json(422, { errors });
    }
    const bodyHash = createHash("sha256").update(body.text, "utf8").digest("hex");
    const outcome = await receivePaymentNotification(channel, valid.data, bodyHash, now);
    switch (outcome.kind) {
      case "settled":
      case "repeated":
        return json(outcome.answer.status, outcome.answer.body);
      case "conflict":
        return json(409, { error: t("error.referenceConflict", { reference: valid.data.reference }) });
      case "unknownCode":
        return json(422, { errors: { billingCode: [t("payment.billingCodeUnknown")] } });
      case "notFound":
        return json(404, { error: t("error.billingCodeNotFound") });
      case "noAutoDebitConsent":
        return json(422, { errors: { billingCode: [t("payment.autoDebitNotConsented")] } });
      case "problem":
        return outcome.problem === "paymentNotApproved"
          ? json(422, { errors: { billingCode: [t("payment.billingCodeUnknown")] } })
          : json(422, { errors: { paidOn: [t(`payment.${outcome.problem}`)] } });
      case "amountNotDue": {
        const amounts = outcome.validAmounts.slice(0, 3).map((v) => `${formatRupiah(v.amount)} (${v.months}, ${formatMonthId(v.through)})`);
        return json(422, { errors: { amount: [t("payment.amountNotDue", { amounts: amounts.join(", ") })] }, acceptedAmounts: outcome.validAmounts });
      }
    }
  } catch (error) {
    const errorId = logUnexpected(error, { route: "POST /api/v1/payments/notifications" });
    return json(500, { error: t("error.unexpected", { errorId }), errorId });
  }
}
