/**
 * What the administrator's API-key pages (lib/admin/keys) use of the quote API's keys: the key
 * format and hashing, and issuing and revoking (the same functions `npm run api-key:create` uses).
 */
export { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api/keys";
export { createApiKey, revokeApiKey, UnknownPenyalurError, type CreatedApiKey } from "@/lib/api/mutations";
/** The request-signing algorithm the payment notifications check and the webhooks sign with (docs/api.md). */
export { checkSignature, signNotification, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/api/payment-signature";
export { generateChannelKey, generateSigningSecret } from "@/lib/api/keys";
/**
 * What the payments feature (lib/payments: settlement files) uses: the notification's own idempotent
 * settlement, so a payment a settlement file settles is exactly what the channel's notification would have.
 */
export { receivePaymentNotification, createPaymentChannelKey, type NotificationOutcome } from "@/lib/api/mutations";
export type { ChannelPrincipal } from "@/lib/api/data";
