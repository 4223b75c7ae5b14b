import type { MeshMessage } from './messages.ts';

/**
 * How media nodes reach each other: a broadcast to every node (`presence`, `bye`) or a message to one
 * (`to`). Redis pub/sub in production (redisBus.ts); in memory for tests of several nodes in one
 * process. Delivery is in order per sender, at most once: the mesh repairs what is lost from the
 * next heartbeat.
 */
export interface MediaBus {
  /** Starts delivering this node's messages (those to it, and broadcasts from others) as raw text. */
  start(nodeId: string, onMessage: (raw: string) => void): Promise<void>;
  publish(message: MeshMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * The channel of every node, and of one node, under a prefix (PLENARY_REDIS_PREFIX), so deployments
 * sharing one Redis keep their media apart as they keep their workshops apart.
 */
export function meshChannels(prefix: string) {
  const all = `${prefix}:media:all`;
  const node = (nodeId: string) => `${prefix}:media:node:${nodeId}`;
  return {
    all,
    node,
    of: (message: MeshMessage): string => ('to' in message ? node(message.to) : all),
  };
}

/** Buses in one process, connected through this hub; messages arrive asynchronously, in order. */
export class MemoryBusHub {
  private readonly channels = meshChannels('memory');
  private readonly subscribers = new Map<string, Set<(raw: string) => void>>();

  bus(): MediaBus {
    const mine: Array<[string, (raw: string) => void]> = [];
    return {
      start: async (nodeId, onMessage) => {
        for (const channel of [this.channels.all, this.channels.node(nodeId)]) {
          const set = this.subscribers.get(channel) ?? new Set();
          set.add(onMessage);
          this.subscribers.set(channel, set);
          mine.push([channel, onMessage]);
        }
      },
      publish: async (message) => {
        const raw = JSON.stringify(message);
        for (const deliver of this.subscribers.get(this.channels.of(message)) ?? []) queueMicrotask(() => deliver(raw));
      },
      close: async () => {
        for (const [channel, handler] of mine) this.subscribers.get(channel)?.delete(handler);
      },
    };
  }
}
