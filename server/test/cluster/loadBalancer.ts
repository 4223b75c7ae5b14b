import { createServer, type Socket, connect as tcpConnect } from 'node:net';

export interface LoadBalancer {
  url: string;
  /** new connections go to this port from now on (connections already open stay where they are) */
  pointAt(port: number): void;
  close(): Promise<void>;
}

/**
 * A TCP load balancer in front of server nodes, as in a deployment: clients know only its address.
 * When the node behind it goes away, its connections break, and it sends the reconnections to the
 * node it is pointed at. (WebSocket-only clients need no sticky sessions.)
 */
export async function startLoadBalancer(targetPort: number): Promise<LoadBalancer> {
  let target = targetPort;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = tcpConnect({ host: '127.0.0.1', port: target });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    }
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side breaking breaks the pair, as a real balancer's connection would.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('load balancer has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    pointAt: (port) => {
      target = port;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
