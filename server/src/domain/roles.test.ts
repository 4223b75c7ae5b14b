import type { ParticipantId, RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import type { WorkshopCommand } from './commands.ts';
import { isAllowed, LOBBY_COMMANDS, PERMISSIONS } from './commandTable.ts';
import {
  type BreakoutSet,
  CLIENT_COMMAND_TYPES,
  ROLES,
  type Role,
  SYSTEM_COMMAND_TYPES,
  type WorkshopCommandType,
  type WorkshopState,
} from './model.ts';
import { ACTOR_ROLES, type ActorRole } from './roles.ts';
import { deepFreeze, fac, MINUTE, pid, register, rejected, rid, run, SYSTEM, T0, workshopWith } from './testkit.ts';
import { decide } from './workshop.ts';

const ACTORS: Record<ActorRole, ParticipantId> = {
  facilitator: fac,
  'co-facilitator': pid('co'),
  rapporteur: pid('rap'),
  delegate: pid('del'),
  observer: pid('obs'),
  'room-device': pid('dev'),
  system: SYSTEM,
};

const NOW = T0 + 60 * MINUTE;

/**
 * A workshop where every command type has something to act on: agenda with a running item, a queue
 * with a hand up, set A open with the discussants in it, set B closed and open to self-selection,
 * a help request, an open and a draft poll, an open proposal, someone offline, someone waiting.
 */
function fixture(): { state: WorkshopState; ids: Record<string, string> } {
  let state = workshopWith([
    { id: 'co', role: 'co-facilitator', organisation: 'Secretariat' },
    { id: 'rap', role: 'rapporteur', organisation: 'Org A' },
    { id: 'del', role: 'delegate', organisation: 'Org B' },
    { id: 'obs', role: 'observer', organisation: 'Press' },
    { id: 'dev', role: 'room-device', organisation: 'Org C' },
    { id: 'del2', role: 'delegate', organisation: 'Org D' },
    { id: 'late', role: 'delegate', organisation: 'Org E', connected: false },
  ]);
  state = run(state, {
    type: 'participant.setInRoomPeople',
    actor: fac,
    participantId: pid('dev'),
    people: ['Ana', 'Bo'],
  });
  state = run(state, { type: 'workshop.updateSettings', actor: fac, lobbyEnabled: true });
  state = register(state, { id: 'wait', organisation: 'Org F' });
  state = run(state, { type: 'agenda.addDay', actor: fac, date: '2025-03-10', title: 'Day 1' });
  state = run(state, { type: 'agenda.addDay', actor: fac, date: '2025-03-11', title: 'Day 2' });
  const [day1, day2] = state.days.map((d) => d.id) as [string, string];
  for (const title of ['Opening', 'Scoping', 'Wrap-up']) {
    state = run(state, {
      type: 'agenda.addItem',
      actor: fac,
      dayId: day1,
      title,
      start: '09:00',
      durationMinutes: 30,
      kind: 'plenary',
    });
  }
  const [item1, item2] = state.agenda.map((i) => i.id) as [string, string];
  const items = state.agenda.map((i) => i.id).join(',');
  state = run(state, { type: 'agenda.startItem', actor: fac, itemId: item1 });
  state = run(state, { type: 'queue.raiseHand', actor: pid('del2'), kind: 'new-point' });
  state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'A', roomNames: ['A1', 'A2'] });
  state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'B', roomNames: ['B1', 'B2'] });
  const [setA, setB] = state.breakouts.sets as [BreakoutSet, BreakoutSet];
  const [a1, a2] = setA.rooms.map((r) => r.id);
  for (const id of ['rap', 'del', 'dev', 'del2']) {
    state = run(state, {
      type: 'breakouts.assign',
      actor: fac,
      setId: setA.id,
      participantId: pid(id),
      roomId: a1 ?? rid(''),
    });
  }
  state = run(state, {
    type: 'breakouts.configureSelfSelect',
    actor: fac,
    setId: setB.id,
    allowed: true,
    maxPerRoom: null,
  });
  state = run(state, { type: 'breakouts.open', actor: fac, setId: setA.id, durationMs: 30 * MINUTE });
  state = run(state, { type: 'breakouts.requestHelp', actor: pid('del2') });
  state = run(state, { type: 'poll.create', actor: fac, question: 'Lunch?', options: ['Yes', 'No'] });
  state = run(state, { type: 'poll.create', actor: fac, question: 'Dinner?', options: ['Yes', 'No'] });
  const [openPoll, draftPoll] = state.polls.map((p) => p.id) as [string, string];
  state = run(state, { type: 'poll.open', actor: fac, pollId: openPoll });
  state = run(state, { type: 'proposal.put', actor: fac, text: 'Adopt the report' });
  return {
    state: deepFreeze(state),
    ids: {
      day1,
      day2,
      item1,
      item2,
      items,
      setA: setA.id,
      setB: setB.id,
      a1: a1 ?? '',
      a2: a2 ?? '',
      b1: setB.rooms[0]?.id ?? '',
      entry: state.queue.entries[0]?.id ?? '',
      help: state.breakouts.open?.help[0]?.id ?? '',
      openPoll,
      draftPoll,
      proposal: state.proposals[0]?.id ?? '',
    },
  };
}

interface Sample {
  command: (actor: ParticipantId, ids: Record<string, string>) => WorkshopCommand;
  /** Puts the fixture in the shape the command needs for this actor. */
  prepare?: (state: WorkshopState, actor: ParticipantId) => WorkshopState;
}

const withTurnOf = (state: WorkshopState, actor: ParticipantId): WorkshopState => ({
  ...state,
  queue: {
    ...state.queue,
    turn: {
      id: 'turn',
      participantId: actor,
      inRoomName: null,
      kind: 'new-point',
      agendaItemId: null,
      startedAt: T0,
      durationMs: MINUTE,
      warnAt: T0 + 30_000,
      warned: false,
    },
  },
});

/** The actor becomes the rapporteur of room b1 (set B, closed), with outcomes in the given state. */
const asRapporteurOfB1 = (
  state: WorkshopState,
  actor: ParticipantId,
  status?: 'draft' | 'submitted',
): WorkshopState => {
  const setB = state.breakouts.sets[1] as BreakoutSet;
  const b1 = setB.rooms[0]?.id as RoomId;
  const sets = state.breakouts.sets.map((set) =>
    set.id === setB.id
      ? { ...set, rooms: set.rooms.map((room) => (room.id === b1 ? { ...room, rapporteurId: actor } : room)) }
      : set,
  );
  const outcomes = status
    ? {
        [b1]: {
          roomId: b1,
          setId: setB.id,
          status,
          sections: { challenges: ['funding'], solutions: [], trends: [], proposals: [] },
          versions:
            status === 'submitted'
              ? [
                  {
                    version: 1,
                    sections: { challenges: ['funding'], solutions: [], trends: [], proposals: [] },
                    submittedAt: T0,
                    submittedBy: actor,
                  },
                ]
              : [],
          acceptedVersion: null,
          acceptedBy: null,
          updatedAt: T0,
        },
      }
    : {};
  return { ...state, breakouts: { ...state.breakouts, sets }, outcomes };
};

const withLibrary = (state: WorkshopState): WorkshopState => ({
  ...state,
  library: [
    {
      id: 'doc1',
      name: 'deck.pdf',
      type: 'pdf',
      mime: 'application/pdf',
      size: 1000,
      sha256: 'a'.repeat(64),
      scope: { kind: 'workshop' },
      uploadedBy: fac,
      uploadedAt: T0,
    },
  ],
});

const presentedBy = (state: WorkshopState, presenterId: ParticipantId): WorkshopState => ({
  ...withLibrary(state),
  presentation: { libraryItemId: 'doc1', presenterId, page: 1, startedAt: T0 },
});

const withReportBack = (state: WorkshopState): WorkshopState => {
  const setB = state.breakouts.sets[1] as BreakoutSet;
  return {
    ...withOpen(state, null),
    reportBack: {
      setId: setB.id,
      order: setB.rooms.map((room) => room.id),
      index: 0,
      durationMs: MINUTE,
      startedAt: T0,
    },
  };
};

const withOpen = (state: WorkshopState, patch: Partial<NonNullable<WorkshopState['breakouts']['open']>> | null) => ({
  ...state,
  breakouts: {
    ...state.breakouts,
    open: patch === null || !state.breakouts.open ? null : { ...state.breakouts.open, ...patch },
  },
});

const SAMPLES: Record<WorkshopCommandType, Sample> = {
  'workshop.updateSettings': { command: (actor) => ({ type: 'workshop.updateSettings', actor, title: 'Renamed' }) },
  'participant.register': {
    command: (actor) => ({
      type: 'participant.register',
      actor,
      participantId: pid('new'),
      name: 'New',
      organisation: 'Org G',
      country: 'PT',
      role: 'delegate',
      language: 'pt',
      timeZone: 'Europe/Lisbon',
    }),
  },
  'participant.updateProfile': { command: (actor) => ({ type: 'participant.updateProfile', actor, name: 'Renamed' }) },
  'participant.setRole': {
    command: (actor) => ({ type: 'participant.setRole', actor, participantId: pid('del2'), role: 'rapporteur' }),
  },
  'participant.setInRoomPeople': {
    command: (actor) => ({
      type: 'participant.setInRoomPeople',
      actor,
      participantId: pid('dev'),
      people: ['Ana', 'Cy'],
    }),
  },
  'participant.connected': {
    command: (actor) => ({ type: 'participant.connected', actor, participantId: pid('late') }),
  },
  'participant.disconnected': {
    command: (actor) => ({ type: 'participant.disconnected', actor, participantId: pid('del2') }),
  },
  'lobby.admit': { command: (actor) => ({ type: 'lobby.admit', actor, participantId: pid('wait') }) },
  'lobby.admitAll': { command: (actor) => ({ type: 'lobby.admitAll', actor }) },
  'agenda.addDay': { command: (actor) => ({ type: 'agenda.addDay', actor, date: '2025-03-12', title: 'Day 3' }) },
  'agenda.removeDay': { command: (actor, ids) => ({ type: 'agenda.removeDay', actor, dayId: ids.day2 ?? '' }) },
  'agenda.addItem': {
    command: (actor, ids) => ({
      type: 'agenda.addItem',
      actor,
      dayId: ids.day1 ?? '',
      title: 'Lunch',
      start: '12:30',
      durationMinutes: 60,
      kind: 'break',
    }),
  },
  'agenda.updateItem': {
    command: (actor, ids) => ({ type: 'agenda.updateItem', actor, itemId: ids.item2 ?? '', title: 'Scope' }),
  },
  'agenda.removeItem': { command: (actor, ids) => ({ type: 'agenda.removeItem', actor, itemId: ids.item2 ?? '' }) },
  'agenda.reorderItems': {
    command: (actor, ids) => ({
      type: 'agenda.reorderItems',
      actor,
      dayId: ids.day1 ?? '',
      itemIds: (ids.items ?? '').split(',').reverse(),
    }),
  },
  'agenda.startItem': { command: (actor, ids) => ({ type: 'agenda.startItem', actor, itemId: ids.item2 ?? '' }) },
  'agenda.stopItem': { command: (actor) => ({ type: 'agenda.stopItem', actor }) },
  'queue.raiseHand': { command: (actor) => ({ type: 'queue.raiseHand', actor, kind: 'direct-reply' }) },
  'queue.lowerHand': {
    command: (actor) => ({ type: 'queue.lowerHand', actor }),
    prepare: (state, actor) => ({
      ...state,
      queue: {
        ...state.queue,
        entries: [{ id: 'mine', participantId: actor, inRoomName: null, kind: 'new-point', raisedAt: T0 }],
      },
    }),
  },
  'queue.addInRoomPerson': {
    command: (actor) => ({
      type: 'queue.addInRoomPerson',
      actor,
      deviceId: pid('dev'),
      name: 'Ana',
      kind: 'new-point',
    }),
  },
  'queue.giveFloor': { command: (actor) => ({ type: 'queue.giveFloor', actor }) },
  'queue.move': { command: (actor, ids) => ({ type: 'queue.move', actor, entryId: ids.entry ?? '', position: 0 }) },
  'queue.remove': { command: (actor, ids) => ({ type: 'queue.remove', actor, entryId: ids.entry ?? '' }) },
  'queue.clear': { command: (actor) => ({ type: 'queue.clear', actor }) },
  'queue.endTurn': { command: (actor) => ({ type: 'queue.endTurn', actor }), prepare: withTurnOf },
  'queue.turnTick': { command: (actor) => ({ type: 'queue.turnTick', actor }), prepare: withTurnOf },
  'breakouts.createSet': {
    command: (actor) => ({ type: 'breakouts.createSet', actor, name: 'C', roomNames: ['C1', 'C2', 'C3'] }),
  },
  'breakouts.deleteSet': { command: (actor, ids) => ({ type: 'breakouts.deleteSet', actor, setId: ids.setB ?? '' }) },
  'breakouts.renameRoom': {
    command: (actor, ids) => ({
      type: 'breakouts.renameRoom',
      actor,
      setId: ids.setB ?? '',
      roomId: rid(ids.b1 ?? ''),
      name: 'Lagoon',
    }),
  },
  'breakouts.assign': {
    command: (actor, ids) => ({
      type: 'breakouts.assign',
      actor,
      setId: ids.setB ?? '',
      participantId: pid('del'),
      roomId: rid(ids.b1 ?? ''),
    }),
  },
  'breakouts.autoAssign': {
    command: (actor, ids) => ({
      type: 'breakouts.autoAssign',
      actor,
      setId: ids.setB ?? '',
      strategy: 'balanced',
      seed: 7,
    }),
  },
  'breakouts.importCsv': {
    command: (actor, ids) => ({
      type: 'breakouts.importCsv',
      actor,
      setId: ids.setB ?? '',
      csv: 'name,room\ndel,B1\n',
    }),
  },
  'breakouts.configureSelfSelect': {
    command: (actor, ids) => ({
      type: 'breakouts.configureSelfSelect',
      actor,
      setId: ids.setB ?? '',
      allowed: false,
      maxPerRoom: null,
    }),
  },
  'breakouts.choose': {
    command: (actor, ids) => ({ type: 'breakouts.choose', actor, setId: ids.setB ?? '', roomId: rid(ids.b1 ?? '') }),
  },
  'breakouts.setRapporteur': {
    command: (actor, ids) => ({
      type: 'breakouts.setRapporteur',
      actor,
      setId: ids.setA ?? '',
      roomId: rid(ids.a1 ?? ''),
      participantId: pid('rap'),
    }),
  },
  'breakouts.open': {
    command: (actor, ids) => ({ type: 'breakouts.open', actor, setId: ids.setB ?? '', durationMs: 20 * MINUTE }),
    prepare: (state) => withOpen(state, null),
  },
  'breakouts.extend': { command: (actor) => ({ type: 'breakouts.extend', actor, byMs: 5 * MINUTE }) },
  'breakouts.broadcast': { command: (actor) => ({ type: 'breakouts.broadcast', actor, text: 'Five minutes left' }) },
  'breakouts.requestHelp': { command: (actor) => ({ type: 'breakouts.requestHelp', actor, message: 'Audio' }) },
  'breakouts.acknowledgeHelp': {
    command: (actor, ids) => ({ type: 'breakouts.acknowledgeHelp', actor, requestId: ids.help ?? '' }),
  },
  'breakouts.resolveHelp': {
    command: (actor, ids) => ({ type: 'breakouts.resolveHelp', actor, requestId: ids.help ?? '' }),
  },
  'breakouts.visit': { command: (actor, ids) => ({ type: 'breakouts.visit', actor, roomId: rid(ids.a1 ?? '') }) },
  'breakouts.move': {
    command: (actor, ids) => ({ type: 'breakouts.move', actor, participantId: pid('del'), roomId: rid(ids.a2 ?? '') }),
  },
  'breakouts.recall': {
    command: (actor) => ({ type: 'breakouts.recall', actor }),
    prepare: (state) => withOpen(state, { endsAt: NOW - 1 }),
  },
  'breakouts.close': {
    command: (actor) => ({ type: 'breakouts.close', actor }),
    prepare: (state) => withOpen(state, { recallAt: NOW - 1 }),
  },
  'chat.send': {
    command: (actor) => ({
      type: 'chat.send',
      actor,
      channel: { kind: 'facilitators', participantId: actor },
      text: 'Hello',
    }),
  },
  'poll.create': {
    command: (actor) => ({ type: 'poll.create', actor, question: 'Venue?', options: ['Here', 'There'] }),
  },
  'poll.open': { command: (actor, ids) => ({ type: 'poll.open', actor, pollId: ids.draftPoll ?? '' }) },
  'poll.vote': { command: (actor, ids) => ({ type: 'poll.vote', actor, pollId: ids.openPoll ?? '', optionId: 'o1' }) },
  'poll.close': { command: (actor, ids) => ({ type: 'poll.close', actor, pollId: ids.openPoll ?? '' }) },
  'proposal.put': { command: (actor) => ({ type: 'proposal.put', actor, text: 'Meet again in June' }) },
  'proposal.respond': {
    command: (actor, ids) => ({ type: 'proposal.respond', actor, proposalId: ids.proposal ?? '', response: 'agree' }),
  },
  'proposal.close': { command: (actor, ids) => ({ type: 'proposal.close', actor, proposalId: ids.proposal ?? '' }) },
  'outcomes.edit': {
    command: (actor, ids) => ({
      type: 'outcomes.edit',
      actor,
      roomId: rid(ids.b1 ?? ''),
      section: 'trends',
      items: ['drought'],
    }),
    prepare: (state, actor) => asRapporteurOfB1(state, actor),
  },
  'outcomes.submit': {
    command: (actor, ids) => ({ type: 'outcomes.submit', actor, roomId: rid(ids.b1 ?? '') }),
    prepare: (state, actor) => asRapporteurOfB1(state, actor, 'draft'),
  },
  'outcomes.accept': {
    command: (actor, ids) => ({ type: 'outcomes.accept', actor, roomId: rid(ids.b1 ?? '') }),
    prepare: (state) => asRapporteurOfB1(state, pid('rap'), 'submitted'),
  },
  'reportBack.start': {
    command: (actor, ids) => ({ type: 'reportBack.start', actor, setId: ids.setB ?? '' }),
    prepare: (state) => withOpen(state, null),
  },
  'reportBack.next': { command: (actor) => ({ type: 'reportBack.next', actor }), prepare: withReportBack },
  'reportBack.stop': { command: (actor) => ({ type: 'reportBack.stop', actor }), prepare: withReportBack },
  'library.add': {
    command: (actor) => ({
      type: 'library.add',
      actor,
      name: 'task-sheet.pdf',
      fileType: 'pdf',
      mime: 'application/pdf',
      size: 2048,
      sha256: 'b'.repeat(64),
      scope: { kind: 'workshop' },
      uploadedBy: fac,
    }),
  },
  'library.remove': {
    command: (actor) => ({ type: 'library.remove', actor, libraryItemId: 'doc1' }),
    prepare: withLibrary,
  },
  'presentation.start': {
    command: (actor) => ({ type: 'presentation.start', actor, libraryItemId: 'doc1' }),
    prepare: withLibrary,
  },
  'presentation.handOver': {
    command: (actor) => ({ type: 'presentation.handOver', actor, presenterId: pid('del') }),
    prepare: (state) => presentedBy(state, fac),
  },
  'presentation.turnPage': {
    command: (actor) => ({ type: 'presentation.turnPage', actor, page: 2 }),
    prepare: presentedBy,
  },
  'presentation.stop': { command: (actor) => ({ type: 'presentation.stop', actor }), prepare: presentedBy },
};

describe('the permission table', () => {
  const { state: base, ids: fixtureIds } = fixture();
  const ids = {
    ...fixtureIds,
    items: base.agenda
      .filter((i) => i.dayId === fixtureIds.day1)
      .map((i) => i.id)
      .join(','),
  };
  const commandTypes = Object.keys(PERMISSIONS) as WorkshopCommandType[];

  it('covers exactly the command types of the protocol', () => {
    expect(new Set(commandTypes)).toEqual(new Set([...CLIENT_COMMAND_TYPES, ...SYSTEM_COMMAND_TYPES]));
    expect(commandTypes).toHaveLength(CLIENT_COMMAND_TYPES.length + SYSTEM_COMMAND_TYPES.length);
  });

  it('gives system-only commands to no person, and no client command to nobody', () => {
    for (const type of SYSTEM_COMMAND_TYPES) expect(PERMISSIONS[type]).toEqual(['system']);
    for (const type of CLIENT_COMMAND_TYPES) expect(PERMISSIONS[type].some((r) => r !== 'system')).toBe(true);
  });

  for (const role of ACTOR_ROLES) {
    describe(`for a ${role}`, () => {
      for (const type of commandTypes) {
        const allowed = isAllowed(role, type);
        it(`${allowed ? 'allows' : 'forbids'} ${type}`, () => {
          const actor = ACTORS[role];
          const sample = SAMPLES[type];
          const state = deepFreeze(sample.prepare ? sample.prepare(base, actor) : base);
          const command = sample.command(actor, ids);
          if (allowed) {
            const result = decide(state, command, NOW);
            if (!result.ok) throw new Error(`${role} ${type}: ${result.error.code} ${result.error.message}`);
            expect(result.state.revision).toBe(state.revision + 1);
          } else {
            const result = rejected(state, command, NOW);
            expect(result.error.code).toBe('forbidden');
          }
        });
      }
    });
  }

  it('lets observers do nothing but edit their profile and look into rooms', () => {
    const allowed = commandTypes.filter((type) => isAllowed('observer', type));
    expect(allowed.sort()).toEqual(['breakouts.visit', 'participant.updateProfile']);
  });

  it('keeps role changes to facilitators', () => {
    expect(ROLES.filter((role) => isAllowed(role, 'participant.setRole'))).toEqual(['facilitator']);
  });
});

describe('actors outside the table', () => {
  const state = workshopWith([{ id: 'del' }], { lobbyEnabled: true });

  it('refuses anyone not on the roster', () => {
    const result = rejected(state, { type: 'queue.raiseHand', actor: pid('stranger'), kind: 'new-point' });
    expect(result.error.code).toBe('not_joined');
  });

  it('lets someone waiting in the lobby only edit their profile and write to the facilitators', () => {
    const waiting = register(state, { id: 'w' });
    const w = pid('w');
    expect(waiting.participants[w]?.admitted).toBe(false);
    expect([...LOBBY_COMMANDS].sort()).toEqual(['chat.send', 'participant.updateProfile']);
    expect(rejected(waiting, { type: 'queue.raiseHand', actor: w, kind: 'new-point' }).error.code).toBe('forbidden');
    expect(rejected(waiting, { type: 'poll.vote', actor: w, pollId: 'x', optionId: 'o1' }).error.code).toBe(
      'forbidden',
    );
    const renamed = run(waiting, { type: 'participant.updateProfile', actor: w, name: 'Wanda' });
    expect(renamed.participants[w]?.name).toBe('Wanda');
    const wrote = run(waiting, {
      type: 'chat.send',
      actor: w,
      channel: { kind: 'facilitators', participantId: w },
      text: 'Let me in?',
    });
    expect(Object.values(wrote.chat).flat()).toHaveLength(1);
    const inPlenary = rejected(waiting, {
      type: 'chat.send',
      actor: w,
      channel: { kind: 'room', roomId: waiting.plenaryRoomId },
      text: 'Hi all',
    });
    expect(inPlenary.error.code).toBe('forbidden');
  });

  it('has a role for each person', () => {
    const roles: Role[] = [...ROLES];
    expect(ACTOR_ROLES).toEqual([...roles, 'system']);
  });
});
