import { randomUUID } from 'node:crypto';
import { Command, Fact } from '@plenary/shared';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../engines.ts';
import {
  connectTo,
  createWorkshop,
  eventually,
  expectMediaReleased,
  joinWithInvite,
  newDataDir,
  nextEvent,
  profile,
  request,
  type TestClient,
  testEnv,
} from '../harness.ts';
import { opusParameters } from '../rtp.ts';

// Two Plenary nodes sharing one PostgreSQL and one Redis (started by this project's globalSetup).
// Delegates join on either; their room's media is linked between the two over SRTP pipes.

let clusterEnv: Record<string, string>;
beforeAll(async () => {
  clusterEnv = {
    PLENARY_DATABASE_URL: await createDatabase(inject('postgresUrl'), `media_${randomUUID().replaceAll('-', '')}`),
    PLENARY_REDIS_URL: inject('redisUrl'),
    PLENARY_REDIS_PREFIX: `media-${randomUUID().slice(0, 8)}`,
    PLENARY_TOKEN_SECRET: `${randomUUID()}${randomUUID()}`,
  };
});

const apps: App[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const app of apps.splice(0)) await app.close();
});

async function startNode(dataDir: string, clustered: boolean): Promise<{ app: App; url: string }> {
  const env = { ...testEnv(dataDir), PLENARY_MEDIA_HEARTBEAT_MS: '100' };
  const app = await createApp(loadConfig(clustered ? { ...env, ...clusterEnv } : env));
  apps.push(app);
  const { port } = await app.listen();
  return { app, url: `http://127.0.0.1:${port}` };
}

async function delegate(url: string, token: string, name: string) {
  const client = await connectTo(url);
  clients.push(client);
  return { client, joined: await joinWithInvite(client, token, profile(name, name)) };
}

describe('Plenary nodes with PLENARY_REDIS_URL', () => {
  it('lets a delegate on one node receive the microphone of a delegate on the other', async () => {
    const dataDir = newDataDir();
    const first = await startNode(dataDir, true);
    const second = await startNode(dataDir, true);
    const { invites } = await createWorkshop(first.url, { settings: { lobbyEnabled: false } });
    const ana = await delegate(first.url, invites.delegate, 'Ana');
    const ben = await delegate(second.url, invites.delegate, 'Ben');
    expect(ben.joined.room?.roomId).toBe(ana.joined.room?.roomId);
    await eventually(() => {
      expect(first.app.mesh?.linkInfo()).toMatchObject([{ connected: true }]);
      expect(second.app.mesh?.linkInfo()).toMatchObject([{ connected: true }]);
    });

    const heard = nextEvent(ben.client, Fact.producerAdded);
    const send = await request(ana.client, Command.mediaCreateTransport, { direction: 'send' });
    if (!send.ok) throw new Error(send.error.message);
    const produced = await request(ana.client, Command.mediaProduce, {
      transportId: send.data.transportId,
      kind: 'audio',
      source: 'mic',
      rtpParameters: opusParameters(0x7001) as never,
    });
    if (!produced.ok) throw new Error(produced.error.message);
    expect(await heard).toMatchObject({ producerId: produced.data.producerId, participantId: ana.joined.self.id });

    const recv = await request(ben.client, Command.mediaCreateTransport, { direction: 'recv' });
    expect(recv.ok).toBe(true);
    const consumed = await request(ben.client, Command.mediaConsume, {
      producerId: produced.data.producerId,
      rtpCapabilities: ben.joined.room?.routerRtpCapabilities as never,
    });
    expect(consumed).toMatchObject({ ok: true, data: { participantId: ana.joined.self.id, source: 'mic' } });

    const gone = nextEvent(ben.client, Fact.producerClosed);
    expect((await request(ana.client, Command.mediaCloseProducer, { producerId: produced.data.producerId })).ok).toBe(
      true,
    );
    expect(await gone).toEqual({ producerId: produced.data.producerId });

    // Everyone leaves: both nodes release every router, transport (the links' too) and consumer.
    for (const client of clients) client.disconnect();
    await expectMediaReleased(first.app);
    await expectMediaReleased(second.app);
  });

  it('runs without a mesh when PLENARY_REDIS_URL is unset', async () => {
    const single = await startNode(newDataDir(), false);
    expect(single.app.mesh).toBeUndefined();
  });
});
