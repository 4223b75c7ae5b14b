// The bare baseline of the memory benchmark: a Socket.IO server with Plenary's options, where
// "joining" stores who the connection is and puts it in two channels. Prints its port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { PLENARY_IO_OPTIONS } from '../lib/bareIo.ts';

const httpServer = createServer();
const io = new Server(httpServer, PLENARY_IO_OPTIONS);
io.on('connection', (socket) => {
  socket.on('join', (profile: unknown, ack: (answer: unknown) => void) => {
    socket.data = { profile };
    void socket.join(['everyone', `p:${socket.id}`]);
    ack({ ok: true });
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on ${(httpServer.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
