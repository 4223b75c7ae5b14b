import { Fact, type RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { settle } from '../../testing/fakes.ts';
import { joinedRoom } from '../../testing/session.ts';
import { notesChannel } from './notesChannel.ts';

const ROOM = 'plenary' as RoomId;

describe('the session and the notes', () => {
  it('hands notes facts to the notes, and says when notes can be sent again after a drop', async () => {
    const { socket, session } = await joinedRoom();
    const usable: boolean[] = [];
    const stopUsable = notesChannel.onUsable((value) => usable.push(value));
    const heard: unknown[] = [];
    const stopListening = notesChannel.listen(ROOM, (fact) => heard.push(fact.payload.update));
    expect(notesChannel.usable).toBe(true);

    // Binary arrives as an ArrayBuffer in browsers: passed on as it came, the notes wrap it.
    const update = new Uint8Array([0, 0]).buffer;
    socket.fact(Fact.notesUpdated, { roomId: ROOM, update });
    expect(heard).toEqual([update]);

    socket.drop('transport close');
    expect(notesChannel.usable).toBe(false);
    socket.reconnect({ recovered: true });
    await settle();
    socket.drop('transport close');
    socket.reconnect();
    await settle();
    expect(usable).toEqual([false, true, false, true]);

    await session.leave();
    expect(notesChannel.usable).toBe(false);
    stopUsable();
    stopListening();
  });
});
