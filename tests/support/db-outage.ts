/**
 * A database that can be switched off and on again from a test: a TCP relay in front of the real
 * PostgreSQL. `down()` drops every open connection (as a killed server does: the app's pooled
 * sockets die mid-query or mid-commit) and refuses new ones; `up()` accepts again, the same server
 * and data behind it, as after a restart. Only the app under test sees the relay; the test checks
 * the outcome on the real server directly.
 */
import net from "node:net";

export interface Outage {
  /** The DATABASE_URL to give the app: the relay's address, the real database's name and credentials. */
  url: string;
  down: () => Promise<void>;
  up: () => Promise<void>;
  close: () => Promise<void>;
}

export async function outageRelay(realUrl: string): Promise<Outage> {
  const target = new URL(realUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on("close", () => sockets.delete(sock));
          sock.on("error", () => undefined);
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const down = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  const url = new URL(realUrl);
  url.port = String(port);
  url.hostname = "127.0.0.1";
  return { url: url.toString(), down, up: listen, close: down };
}
