import { describe, expect, it } from 'vitest';
import { movesBetween } from './location.ts';
import { emptyWorkshop, exec, fac, pid, register, rejected, run, SYSTEM, T0, workshopWith } from './testkit.ts';

describe('registration', () => {
  it('adds a participant, offline until they connect', () => {
    const before = emptyWorkshop();
    const { state, created } = exec(
      before,
      {
        type: 'participant.register',
        actor: SYSTEM,
        participantId: pid('ana'),
        name: 'Ana Lima',
        organisation: 'Water Agency',
        country: 'PT',
        role: 'delegate',
        language: 'pt-PT',
        timeZone: 'Europe/Lisbon',
        email: 'ana@agency.pt',
      },
      T0,
    );
    const ana = state.participants[pid('ana')];
    expect(ana).toEqual({
      id: pid('ana'),
      name: 'Ana Lima',
      organisation: 'Water Agency',
      country: 'PT',
      role: 'delegate',
      language: 'pt-PT',
      timeZone: 'Europe/Lisbon',
      email: 'ana@agency.pt',
      admitted: true,
      connected: false,
      registeredAt: T0,
      inRoomPeople: [],
    });
    expect(before.participants).toEqual({});
    expect(created).toBeUndefined();
  });

  it('happens once per participant, never under the system id', () => {
    const state = register(emptyWorkshop(), { id: 'ana' });
    const again = {
      type: 'participant.register' as const,
      actor: SYSTEM,
      participantId: pid('ana'),
      name: 'Ana',
      organisation: 'X',
      country: 'PT',
      role: 'delegate' as const,
      language: 'pt',
      timeZone: 'Europe/Lisbon',
    };
    expect(rejected(state, again).error.code).toBe('conflict');
    expect(rejected(state, { ...again, participantId: SYSTEM }).error.code).toBe('invalid_payload');
  });
});

describe('presence', () => {
  const state = register(emptyWorkshop(), { id: 'ana', connected: false });

  it('follows connect and disconnect, refusing repeats', () => {
    const on = run(state, {
      type: 'participant.connected',
      actor: SYSTEM,
      participantId: pid('ana'),
    });
    expect(state.participants[pid('ana')]?.connected).toBe(false);
    expect(on.participants[pid('ana')]?.connected).toBe(true);
    expect(movesBetween(state, on)[0]?.to.location.kind).toBe('plenary');
    expect(rejected(on, { type: 'participant.connected', actor: SYSTEM, participantId: pid('ana') }).error.code).toBe(
      'conflict',
    );
    const off = run(on, { type: 'participant.disconnected', actor: SYSTEM, participantId: pid('ana') });
    expect(off.participants[pid('ana')]?.connected).toBe(false);
    expect(
      rejected(off, { type: 'participant.disconnected', actor: SYSTEM, participantId: pid('ana') }).error.code,
    ).toBe('conflict');
    expect(rejected(off, { type: 'participant.connected', actor: SYSTEM, participantId: pid('zed') }).error.code).toBe(
      'not_found',
    );
  });
});

describe('profiles and roles', () => {
  const base = workshopWith([
    { id: 'ana', organisation: 'A' },
    { id: 'dev', role: 'room-device', organisation: 'B' },
    { id: 'dev2', role: 'room-device', organisation: 'C' },
  ]);

  it('lets participants edit their own profile, keeping what they leave out', () => {
    const next = run(base, {
      type: 'participant.updateProfile',
      actor: pid('ana'),
      organisation: 'Coast Guard',
      language: 'fr',
    });
    expect(next.participants[pid('ana')]).toMatchObject({
      name: 'ana',
      organisation: 'Coast Guard',
      language: 'fr',
      country: 'FR',
    });
  });

  it('changes roles live and reports the previous role', () => {
    const state = run(base, {
      type: 'participant.setRole',
      actor: fac,
      participantId: pid('ana'),
      role: 'rapporteur',
    });
    expect(base.participants[pid('ana')]?.role).toBe('delegate');
    expect(state.participants[pid('ana')]?.role).toBe('rapporteur');
    expect(
      rejected(state, { type: 'participant.setRole', actor: fac, participantId: pid('ana'), role: 'rapporteur' }).error
        .code,
    ).toBe('conflict');
    expect(
      rejected(state, { type: 'participant.setRole', actor: fac, participantId: pid('zed'), role: 'observer' }).error
        .code,
    ).toBe('not_found');
  });

  it('keeps at least one facilitator', () => {
    expect(
      rejected(base, { type: 'participant.setRole', actor: fac, participantId: fac, role: 'delegate' }).error.code,
    ).toBe('conflict');
    const two = run(base, { type: 'participant.setRole', actor: fac, participantId: pid('ana'), role: 'facilitator' });
    const stepped = run(two, { type: 'participant.setRole', actor: fac, participantId: fac, role: 'delegate' });
    expect(stepped.participants[fac]?.role).toBe('delegate');
  });

  it('lowers the hands of someone made an observer', () => {
    const raised = run(base, { type: 'queue.raiseHand', actor: pid('ana'), kind: 'new-point' });
    const state = run(raised, {
      type: 'participant.setRole',
      actor: fac,
      participantId: pid('ana'),
      role: 'observer',
    });
    expect(raised.queue.entries.map((entry) => entry.participantId)).toEqual([pid('ana')]);
    expect(state.queue.entries).toEqual([]);
  });

  it('admits someone waiting in the lobby who is made a chair', () => {
    const lobby = run(base, { type: 'workshop.updateSettings', actor: fac, lobbyEnabled: true });
    const waiting = register(lobby, { id: 'wes' });
    expect(waiting.participants[pid('wes')]?.admitted).toBe(false);
    const promoted = run(waiting, {
      type: 'participant.setRole',
      actor: fac,
      participantId: pid('wes'),
      role: 'co-facilitator',
    });
    expect(promoted.participants[pid('wes')]?.admitted).toBe(true);
  });
});

describe('people in a meeting room', () => {
  const base = workshopWith([
    { id: 'ana', organisation: 'A' },
    { id: 'dev', role: 'room-device', organisation: 'B' },
    { id: 'dev2', role: 'room-device', organisation: 'C' },
  ]);

  it('are listed by their room device or a chair, not by another device', () => {
    const own = run(base, {
      type: 'participant.setInRoomPeople',
      actor: pid('dev'),
      participantId: pid('dev'),
      people: ['Maria', 'João'],
    });
    expect(own.participants[pid('dev')]?.inRoomPeople).toEqual(['Maria', 'João']);
    const byChair = run(base, {
      type: 'participant.setInRoomPeople',
      actor: fac,
      participantId: pid('dev2'),
      people: ['Kai'],
    });
    expect(byChair.participants[pid('dev2')]?.inRoomPeople).toEqual(['Kai']);
    expect(
      rejected(base, {
        type: 'participant.setInRoomPeople',
        actor: pid('dev'),
        participantId: pid('dev2'),
        people: ['X'],
      }).error.code,
    ).toBe('forbidden');
  });

  it('are listed only under room devices, each name once', () => {
    expect(
      rejected(base, { type: 'participant.setInRoomPeople', actor: fac, participantId: pid('ana'), people: ['X'] })
        .error.code,
    ).toBe('conflict');
    expect(
      rejected(base, {
        type: 'participant.setInRoomPeople',
        actor: fac,
        participantId: pid('dev'),
        people: ['Kai', ' kai '],
      }).error.code,
    ).toBe('invalid_payload');
  });

  it('leave the queue when taken off the list', () => {
    let state = run(base, {
      type: 'participant.setInRoomPeople',
      actor: fac,
      participantId: pid('dev'),
      people: ['Maria', 'João'],
    });
    state = run(state, {
      type: 'queue.addInRoomPerson',
      actor: fac,
      deviceId: pid('dev'),
      name: 'Maria',
      kind: 'new-point',
    });
    state = run(state, {
      type: 'queue.addInRoomPerson',
      actor: fac,
      deviceId: pid('dev'),
      name: 'João',
      kind: 'new-point',
    });
    state = run(state, { type: 'queue.raiseHand', actor: pid('dev'), kind: 'new-point' });
    state = run(state, {
      type: 'participant.setInRoomPeople',
      actor: fac,
      participantId: pid('dev'),
      people: ['João'],
    });
    expect(state.queue.entries.map((e) => e.inRoomName)).toEqual(['João', null]);
  });
});
