// Helpers of the reliability suite (fuzz, crash durability, reconnect, authorisation, soak).
//
// Short form: runs with every `npm test`, ~1–2 min on two cores.
// Long form: `npm test -- --long`, or `PLENARY_LONG=1 npx vitest run --project reliability`:
//   10× the fuzz, 20 crash trials, 100 reconnects with
//   drops of up to two minutes, and the soak.
// Other knobs: `PLENARY_SEED=<n>` replays a run with another seed (every choice is drawn from it);
//   `PLENARY_SOAK_MINUTES=<n>` bounds the soak (default 0 short, 30 long).
import type { JoinResult, RoomChanged, RoomId, WorkshopChange } from '@plenary/shared';
import { Fact } from '@plenary/shared';
import { connectTo, joinWithInvite, type Profile, profile, type TestClient } from '../harness.ts';

export const LONG = process.env.PLENARY_LONG === '1';
export const SEED = Number(process.env.PLENARY_SEED ?? 20_261_123);

/** The short-form figure, or the long-form one. */
export const scale = (short: number, long: number): number => (LONG ? long : short);

/** mulberry32: small, fast and the same on every machine, so a failing seed can be replayed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  }

  /** A derived generator, so adding draws in one place doesn't shift every other choice. */
  fork(label: string): Random {
    let hash = this.state;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
    return new Random(hash);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends an event the way no typed client would: any name, any arguments, no ack expected. */
export function emitRaw(client: TestClient, event: string, ...args: unknown[]): void {
  (client as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
}

/** A participant and everything their connection was told. */
export interface Person {
  client: TestClient;
  joined: JoinResult;
  changes: WorkshopChange[];
  rooms: RoomChanged[];
}

/** Connects and joins with an invite, recording the facts the connection receives. */
export async function arrive(url: string, token: string, who: Profile | string): Promise<Person> {
  const client = await connectTo(url);
  return { client, ...(await listenAndJoin(client, token, typeof who === 'string' ? profile(who) : who)) };
}

async function listenAndJoin(client: TestClient, token: string, who: Profile) {
  const changes: WorkshopChange[] = [];
  const rooms: RoomChanged[] = [];
  client.on(Fact.workshopChanged, (change) => changes.push(change));
  client.on(Fact.roomChanged, (room) => rooms.push(room));
  const joined = await joinWithInvite(client, token, who);
  return { joined, changes, rooms };
}

/** The room a person was last told they are in. */
export const currentRoom = (person: Pick<Person, 'joined' | 'rooms'>): RoomId | null =>
  person.rooms.length > 0 ? (person.rooms.at(-1)?.room?.roomId ?? null) : (person.joined.room?.roomId ?? null);

export { inParallel } from '../harness.ts';

/** Clients a test opened, disconnected after it whatever happened. */
export class Clients {
  private readonly open: TestClient[] = [];

  add<T extends TestClient>(client: T): T {
    this.open.push(client);
    return client;
  }

  closeAll(): void {
    for (const client of this.open.splice(0)) client.disconnect();
  }
}

/** `/metrics` as a map: mediasoup object counts, open rooms, connections. */
export async function metrics(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const [name, value] = line.split(' ');
        return [name as string, Number(value)];
      }),
  );
}
