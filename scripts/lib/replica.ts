/**
 * A real PostgreSQL primary and a streaming read replica from the embedded binaries, for the
 * replica-routing test and the bench (docs/scaling.md): initdb, start the primary, copy its data
 * directory while it is stopped (a cold base backup), mark the copy a standby (standby.signal +
 * primary_conninfo) and start it. Throwaway: fsync off, everything in one temporary folder.
 */
import { execFileSync } from "node:child_process";
import { appendFile, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { PRIVATE_CHECKOUT_ROOT, postgresUser, reachableBinaries, run } from "./database";

const PASSWORD = "lindungikur-local";

export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  stop: () => Promise<void>;
}

function urlOf(port: number, database: string) {
  return `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function waitFor(url: string, ok: (c: pg.Client) => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      if (await ok(c)) return;
    } catch {
      // not up yet
    } finally {
      await c.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`PostgreSQL di ${url.replace(PASSWORD, "***")} tidak siap dalam ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startPrimaryAndReplica(primaryPort: number, replicaPort: number, database = "replica_test"): Promise<ReplicaPair> {
  const root = userInfo().uid === 0;
  const ids = root ? postgresUser(() => undefined) : { uid: userInfo().uid, gid: userInfo().gid };
  const native = await reachableBinaries();
  await mkdir(PRIVATE_CHECKOUT_ROOT, { recursive: true, mode: 0o755 });
  const dir = await mkdtemp(path.join(PRIVATE_CHECKOUT_ROOT, "replica-pair-"));
  await chown(dir, ids.uid, ids.gid);
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");
  await mkdir(primaryDir, { mode: 0o700 });
  await chown(primaryDir, ids.uid, ids.gid);
  const pwfile = path.join(dir, "pwfile");
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  await chown(pwfile, ids.uid, ids.gid);
  await run(path.join(native, "bin", "initdb"), [`--pgdata=${primaryDir}`, "--auth=password", "--username=postgres", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C.UTF-8"], ids).done;

  const flags = (port: number) => ["-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=50", "-c", "wal_level=replica", "-c", "max_wal_senders=5", "-c", `unix_socket_directories=${dir}`];
  const servers: ReturnType<typeof run>[] = [];
  const startServer = async (dataDir: string, port: number) => {
    const server = run(path.join(native, "bin", "postgres"), ["-D", dataDir, ...flags(port)], ids, "ready to accept");
    servers.push(server);
    await server.done;
    return server;
  };
  const stopServer = async (server: ReturnType<typeof run>) => {
    if (server.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
    server.child.kill("SIGTERM");
    await exited;
  };

  // The database first, so the copy already has it; then a cold copy of the stopped primary.
  let primary = await startServer(primaryDir, primaryPort);
  const admin = new pg.Client({ connectionString: urlOf(primaryPort, "postgres") });
  await admin.connect();
  await admin.query(`create database ${admin.escapeIdentifier(database)}`);
  await admin.end();
  await stopServer(primary);
  execFileSync("cp", ["-a", primaryDir, replicaDir]);
  await writeFile(path.join(replicaDir, "standby.signal"), "");
  await appendFile(path.join(replicaDir, "postgresql.auto.conf"), `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${PASSWORD} application_name=replica1'\nhot_standby = on\n`);
  await chown(path.join(replicaDir, "standby.signal"), ids.uid, ids.gid);
  primary = await startServer(primaryDir, primaryPort);
  const replica = run(path.join(native, "bin", "postgres"), ["-D", replicaDir, ...flags(replicaPort)], ids, "ready to accept read-only connections");
  servers.push(replica);
  await replica.done;
  // Streaming, not merely started: the primary sees its WAL receiver.
  await waitFor(urlOf(primaryPort, "postgres"), async (c) => (await c.query(`select 1 from pg_stat_replication where state = 'streaming'`)).rowCount === 1);

  return {
    primaryUrl: urlOf(primaryPort, database),
    replicaUrl: urlOf(replicaPort, database),
    async stop() {
      for (const s of servers.reverse()) await stopServer(s);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
