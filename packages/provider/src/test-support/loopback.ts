// A real HTTP server on 127.0.0.1 for tests that must observe sockets, redirects or what a second
// origin receives. Closed (connections included) by `close()`.
import { once } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Loopback {
  base: string;
  server: Server;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function loopback(handler: RequestListener): Promise<Loopback> {
  const server = createServer(handler);
  let connections = 0;
  server.on("connection", () => connections++);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      if (server.listening) {
        server.close();
        await once(server, "close");
      }
    },
  };
}
