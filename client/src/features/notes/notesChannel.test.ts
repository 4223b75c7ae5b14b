import { Command, Fact, type RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { FakeServer } from '../../testing/fakes.ts';
import { NotesChannel } from './notesChannel.ts';

const ROOM = 'r1' as RoomId;

describe('NotesChannel', () => {
  it('answers "disconnected" until the session hands over a connection, and says when it does', async () => {
    const channel = new NotesChannel();
    const usable: boolean[] = [];
    channel.onUsable((value) => usable.push(value));
    expect(await channel.request(Command.notesClose, { roomId: ROOM })).toMatchObject({
      ok: false,
      error: { code: 'disconnected' },
    });
    const server = new FakeServer().on(Command.notesClose, () => ({ ok: true, data: {} }));
    channel.use(server.request);
    expect(channel.usable).toBe(true);
    expect(await channel.request(Command.notesClose, { roomId: ROOM })).toEqual({ ok: true, data: {} });
    channel.use(null);
    expect(usable).toEqual([true, false]);
  });

  it('hands each room’s facts to that room’s listeners only', () => {
    const channel = new NotesChannel();
    const heard: string[] = [];
    const stop = channel.listen(ROOM, (fact) => heard.push(fact.name));
    channel.listen('r2' as RoomId, () => heard.push('wrong room'));
    channel.deliver({ name: Fact.notesUpdated, payload: { roomId: ROOM, update: new Uint8Array([0, 0]) } });
    stop();
    channel.deliver({ name: Fact.notesAwarenessUpdated, payload: { roomId: ROOM, update: new Uint8Array([0]) } });
    expect(heard).toEqual([Fact.notesUpdated]);
  });
});
