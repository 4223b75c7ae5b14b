import type { RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { canReadChannel } from './chat.ts';
import { type ChatChannel, MAX_MESSAGES_PER_CHANNEL, type WorkshopState } from './model.ts';
import { exec, fac, pid, rejected, rid, run, T0, workshopWith } from './testkit.ts';

const base = workshopWith([
  { id: 'ana' },
  { id: 'ben' },
  { id: 'obs', role: 'observer' },
  { id: 'co', role: 'co-facilitator' },
]);
const plenary: ChatChannel = { kind: 'room', roomId: base.plenaryRoomId };

function openRooms(): { state: WorkshopState; r2: RoomId; one: ChatChannel; two: ChatChannel } {
  let state = run(base, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One', 'Two'] });
  const set = state.breakouts.sets[0];
  const [r1, r2] = set?.rooms.map((r) => r.id) ?? [];
  state = run(state, {
    type: 'breakouts.assign',
    actor: fac,
    setId: set?.id ?? '',
    participantId: pid('ana'),
    roomId: r1 ?? rid(''),
  });
  state = run(state, {
    type: 'breakouts.assign',
    actor: fac,
    setId: set?.id ?? '',
    participantId: pid('ben'),
    roomId: r2 ?? rid(''),
  });
  state = run(state, { type: 'breakouts.open', actor: fac, setId: set?.id ?? '', durationMs: 600_000 });
  return {
    state,
    r2: r2 ?? rid(''),
    one: { kind: 'room', roomId: r1 ?? rid('') },
    two: { kind: 'room', roomId: r2 ?? rid('') },
  };
}

describe('chat', () => {
  it('posts to the plenary and reports the message', () => {
    const { state, created } = exec(
      base,
      { type: 'chat.send', actor: pid('ana'), channel: plenary, text: 'Hello all' },
      T0,
    );
    const message = state.chat[`room:${base.plenaryRoomId}`]?.[0];
    expect(message).toEqual({
      id: message?.id,
      channel: plenary,
      authorId: pid('ana'),
      text: 'Hello all',
      kind: 'message',
      sentAt: T0,
    });
    expect(created).toEqual({ id: message?.id });
    expect(base.chat[`room:${base.plenaryRoomId}`]).toBeUndefined();
  });

  it('lets a participant write only in the room they are in; chairs and visitors anywhere', () => {
    const { state, r2, one, two } = openRooms();
    const log = (next: WorkshopState) => next.chat[`room:${r2}`]?.map((m) => m.text);
    expect(
      Object.keys(run(state, { type: 'chat.send', actor: pid('ana'), channel: one, text: 'hi one' }).chat),
    ).toHaveLength(1);
    expect(rejected(state, { type: 'chat.send', actor: pid('ana'), channel: two, text: 'hi two' }).error.code).toBe(
      'forbidden',
    );
    expect(
      rejected(state, { type: 'chat.send', actor: pid('ana'), channel: plenary, text: 'hi plenary' }).error.code,
    ).toBe('forbidden');
    expect(log(run(state, { type: 'chat.send', actor: fac, channel: two, text: 'from the chair' }))).toEqual([
      'from the chair',
    ]);
    const visiting = run(state, { type: 'breakouts.visit', actor: pid('co'), roomId: r2 });
    expect(log(run(visiting, { type: 'chat.send', actor: pid('co'), channel: two, text: 'visiting' }))).toEqual([
      'visiting',
    ]);
  });

  it('refuses an unknown room and observers', () => {
    expect(
      rejected(base, { type: 'chat.send', actor: fac, channel: { kind: 'room', roomId: rid('nope') }, text: 'x' }).error
        .code,
    ).toBe('not_found');
    expect(rejected(base, { type: 'chat.send', actor: pid('obs'), channel: plenary, text: 'x' }).error.code).toBe(
      'forbidden',
    );
  });

  it('keeps a private thread between each participant and the facilitators', () => {
    const mine: ChatChannel = { kind: 'facilitators', participantId: pid('ana') };
    let state = run(base, { type: 'chat.send', actor: pid('ana'), channel: mine, text: 'My microphone fails' });
    state = run(state, { type: 'chat.send', actor: pid('co'), channel: mine, text: 'Try the other browser' });
    expect(state.chat[`facilitators:${pid('ana')}`]?.map((m) => m.authorId)).toEqual([pid('ana'), pid('co')]);
    expect(rejected(state, { type: 'chat.send', actor: pid('ben'), channel: mine, text: 'me too' }).error.code).toBe(
      'forbidden',
    );
    expect(canReadChannel(state, pid('ana'), mine)).toBe(true);
    expect(canReadChannel(state, pid('co'), mine)).toBe(true);
    expect(canReadChannel(state, pid('ben'), mine)).toBe(false);
    expect(canReadChannel(state, pid('obs'), mine)).toBe(false);
  });

  it('lets people read the plenary, their own rooms, rooms they visit; observers read every room', () => {
    const { state, one, two } = openRooms();
    expect(canReadChannel(state, pid('ana'), plenary)).toBe(true);
    expect(canReadChannel(state, pid('ana'), one)).toBe(true);
    expect(canReadChannel(state, pid('ana'), two)).toBe(false);
    expect(canReadChannel(state, pid('obs'), two)).toBe(true);
    expect(canReadChannel(state, pid('zed'), plenary)).toBe(false);
    // After closing, the room's members can still read its log.
    const closed = run(state, { type: 'breakouts.close', actor: fac });
    expect(canReadChannel(closed, pid('ana'), one)).toBe(true);
  });

  it('keeps only the latest messages of a channel', () => {
    const key = `room:${base.plenaryRoomId}`;
    const full: WorkshopState = {
      ...base,
      chat: {
        [key]: Array.from({ length: MAX_MESSAGES_PER_CHANNEL }, (_, i) => ({
          id: `old${i}`,
          channel: plenary,
          authorId: pid('ana'),
          text: `${i}`,
          kind: 'message' as const,
          sentAt: T0,
        })),
      },
    };
    const next = run(full, { type: 'chat.send', actor: pid('ben'), channel: plenary, text: 'newest' });
    const log = next.chat[key] ?? [];
    expect(log).toHaveLength(MAX_MESSAGES_PER_CHANNEL);
    expect(log[0]?.id).toBe('old1');
    expect(log.at(-1)?.text).toBe('newest');
  });
});
