import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io as connectClient, type Socket } from 'socket.io-client';
import { inParallel } from './stats.ts';

/** The Socket.IO options Plenary runs with (see server/src/realtime/io.ts), so the baseline pays the same. */
export const PLENARY_IO_OPTIONS = {
  serveClient: false,
  maxHttpBufferSize: 100_000,
  pingInterval: 10_000,
  pingTimeout: 10_000,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
} as const;

export interface BareServer {
  url: string;
  io: Server;
  close(): Promise<void>;
}

/** A bare Socket.IO server on a random loopback port; `setup` registers its handlers per connection. */
export async function startBareServer(setup: (socket: ServerSocket, io: Server) => void): Promise<BareServer> {
  const httpServer = createServer();
  const io = new Server(httpServer, PLENARY_IO_OPTIONS);
  io.on('connection', (socket) => setup(socket, io));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    io,
    close: async () => {
      await io.close();
    },
  };
}

export function connectBare(url: string): Promise<Socket> {
  const client = connectClient(url, { transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', reject);
  });
}

/** `count` clients of a bare server; `onConnect` attaches listeners to each. */
export async function connectMany(url: string, count: number, onConnect: (client: Socket, index: number) => void) {
  const clients: Socket[] = [];
  await inParallel(count, 32, async (index) => {
    const client = await connectBare(url);
    onConnect(client, index);
    clients[index] = client;
  });
  return clients;
}
