import type { ClientToServerEvents, ServerToClientEvents } from '@plenary/shared';
import { io, type Socket } from 'socket.io-client';

export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket per joined session. Same origin: in production the server serves the built client,
 * in development Vite proxies `/socket.io` to it. It connects only when `connectSocket` is called,
 * so the caller decides when a failure to reach the server is reported.
 *
 * WebSocket first: starting with HTTP long-polling and upgrading costs several round trips before
 * the join is even sent, which from across the Pacific is most of a second. Where a proxy refuses
 * WebSockets, long-polling is tried next.
 */
export function createSocket(): PlenarySocket {
  return io({ path: '/socket.io', autoConnect: false, transports: ['websocket', 'polling'], tryAllTransports: true });
}

/** Resolves once connected; rejects on the first failed attempt (and stops retrying). */
export function connectSocket(socket: PlenarySocket, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error: Error | null) => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
      if (error) {
        socket.disconnect();
        reject(error);
      } else {
        resolve();
      }
    };
    const onConnect = () => settle(null);
    const onError = (error: Error) => settle(error);
    const timer = setTimeout(() => settle(new Error('connection timed out')), timeoutMs);
    socket.on('connect', onConnect);
    socket.on('connect_error', onError);
    socket.connect();
  });
}
