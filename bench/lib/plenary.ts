import { connectTo, createWorkshop, joinWithInvite, profile, rejoin, type TestClient } from '@plenary/server/testing';
import type { JoinResult, WorkshopId } from '@plenary/shared';
import { inParallel } from './stats.ts';

export interface Delegate {
  client: TestClient;
  joined: JoinResult;
}

export interface Populated {
  workshopId: WorkshopId;
  chair: Delegate;
  delegates: Delegate[];
  close(): void;
}

/**
 * A workshop (lobby off) with a facilitator and `count` connected, joined delegates.
 *
 * Joining one by one while everyone stays connected costs O(n²) messages (each arrival is told to
 * everyone there), tens of seconds at 500 on two cores. So delegates first register through the
 * invite and drop their socket, then come back with their participant token while the server still
 * counts them as present (the reconnect grace must outlast this): the end state is the same, reached
 * in seconds. `onConnect` lets a benchmark attach its listeners before the rejoin.
 */
export async function populate(
  url: string,
  count: number,
  onConnect: (client: TestClient, index: number) => void = () => {},
): Promise<Populated> {
  const { workshopId, invites } = await createWorkshop(url, { settings: { lobbyEnabled: false } });
  const chairClient = await connectTo(url);
  const chair = {
    client: chairClient,
    joined: await joinWithInvite(chairClient, invites.facilitator, profile('Chair')),
  };
  const tokens: string[] = [];
  await inParallel(count, 16, async (index) => {
    const client = await connectTo(url);
    const joined = await joinWithInvite(
      client,
      invites.delegate,
      profile(`Delegate ${index}`, `Administration ${index % 20}`),
    );
    tokens[index] = joined.participantToken;
    client.disconnect();
  });
  const delegates: Delegate[] = [];
  await inParallel(count, 16, async (index) => {
    const client = await connectTo(url);
    onConnect(client, index);
    delegates[index] = { client, joined: await rejoin(client, tokens[index] as string) };
  });
  return {
    workshopId,
    chair,
    delegates,
    close: () => {
      for (const delegate of [chair, ...delegates]) delegate.client.disconnect();
    },
  };
}
