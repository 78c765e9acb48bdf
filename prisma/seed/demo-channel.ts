/**
 * The demo payment channel's published key and signing secret (DEMO DATA, never in a real deployment):
 * a module of its own, free of server-only imports, so the e2e journey can sign notifications with it.
 */
export const DEMO_CHANNEL = {
  code: "DEMO-VA",
  name: "Kanal VA demo (data demo, bukan rahasia)",
  key: "lkc_demo_va_Hn4Qz8Rt2Lw6Yp1Vk9Sx3Bm7Cd5Fg0Jq",
  signingSecret: "demo-signing-secret-not-a-secret-7Tq2Wz",
} as const;
