/** Starts the embedded PostgreSQL of the demo and keeps it running until Ctrl-C. */
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";

const database = await resolveDatabase(DEMO_CLUSTER, say);
say(`DATABASE_URL=${database.url}`);
if (database.startedHere) {
  say("Tekan Ctrl-C untuk menghentikan. / Press Ctrl-C to stop.");
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise(() => undefined);
}
