import type { CommandName, CommandRequest, FactName, FactPayloads } from '@plenary/shared';
import type { PlenarySocket } from '../net/socket.ts';
import type { FakeServer } from './fakes.ts';

type Listener = (...args: unknown[]) => void;

/**
 * A socket.io-client socket in front of a `FakeServer`: connects on the next tick, routes
 * `emitWithAck` to the server, and lets a test push facts or drop the connection.
 */
export class FakeSocket {
  connected = false;
  /** socket.io-client sets it on a reconnect that resumed the same session (missed packets replayed). */
  recovered = false;
  /** Set to make the next `connect()` fail like an unreachable server. */
  unreachable = false;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly server: FakeServer;

  constructor(server: FakeServer) {
    this.server = server;
  }

  get socket(): PlenarySocket {
    return this as unknown as PlenarySocket;
  }

  on(event: string, listener: Listener): this {
    const set = this.#listeners.get(event) ?? new Set<Listener>();
    this.#listeners.set(event, set);
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }

  removeAllListeners(event: string): this {
    this.#listeners.delete(event);
    return this;
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  connect(): this {
    queueMicrotask(() => {
      if (this.unreachable) {
        this.#emit('connect_error', new Error('xhr poll error'));
        return;
      }
      this.connected = true;
      this.#emit('connect');
    });
    return this;
  }

  disconnect(): this {
    if (!this.connected) return this;
    this.connected = false;
    this.#emit('disconnect', 'io client disconnect');
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: (command: CommandName, payload: unknown) =>
        this.server.request(command, payload as CommandRequest<typeof command>),
    };
  }

  /** A fact from the server. */
  fact<F extends FactName>(name: F, payload: FactPayloads[F]): void {
    this.#emit(name, payload);
  }

  /** The connection drops the way socket.io reports it (`transport close`, `io server disconnect`, …). */
  drop(reason: string): void {
    this.connected = false;
    this.#emit('disconnect', reason);
  }

  /** socket.io-client reconnected by itself; `recovered` when the server resumed the same session. */
  reconnect({ recovered = false } = {}): void {
    this.connected = true;
    this.recovered = recovered;
    this.#emit('connect');
  }

  #emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) listener(...args);
  }
}
