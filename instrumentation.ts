/**
 * Next's start-up hook (runs once per server process, before the first request): production refuses
 * to start on an unsafe configuration (lib/ops/startup.ts).
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next itself for each bundle, not by the operator; only Node serves the app.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnsafeStart } = await import("@/lib/ops/startup");
  await refuseUnsafeStart();
}
