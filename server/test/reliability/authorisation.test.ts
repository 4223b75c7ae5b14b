// Every workshop command from every role, over real sockets, against the domain's permission table;
// and breakout chat reaching only those who may read it. See support.ts for the long/short forms.
import {
  CLIENT_COMMAND_TYPES,
  type ClientCommandType,
  Command,
  type ParticipantId,
  ROLES,
  type Role,
  type RoomId,
  type WorkshopId,
  type WorkshopState,
} from '@plenary/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed } from '../../src/domain/commandTable.ts';
import { command, createWorkshop, eventually, request, startTestServer, type TestServer } from '../harness.ts';
import { type Ids, WORKSHOP_COMMANDS, workshopCommand } from './commands.ts';
import { arrive, Clients, currentRoom, type Person } from './support.ts';

let server: TestServer;
const clients = new Clients();
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => clients.closeAll());
afterAll(async () => {
  await server.close();
});

const stateOf = async (workshopId: WorkshopId): Promise<WorkshopState> => {
  const workshop = await server.app.workshops.get(workshopId);
  if (!workshop) throw new Error('workshop missing');
  return workshop.state;
};

async function person(token: string, name: string): Promise<Person> {
  const someone = await arrive(server.url, token, name);
  clients.add(someone.client);
  return someone;
}

interface Stage {
  workshopId: WorkshopId;
  byRole: Record<Role, Person>;
  ids: Omit<Ids, 'actorId'>;
}

/** A workshop with one person of every role, a spare delegate, and one of everything to act on. */
async function stage(): Promise<Stage> {
  const { workshopId, invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
  const byRole = {} as Record<Role, Person>;
  for (const role of ROLES) byRole[role] = await person(invites[role], `A ${role}`);
  const other = await person(invites.delegate, 'Another delegate');
  const chair = byRole.facilitator.client;
  const device = byRole['room-device'].joined.self.id;

  await command(chair, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['North', 'South'] });
  const set = (await stateOf(workshopId)).breakouts.sets[0];
  if (!set) throw new Error('no set');
  await command(chair, { type: 'breakouts.configureSelfSelect', setId: set.id, allowed: true, maxPerRoom: null });
  await command(chair, { type: 'agenda.addDay', date: '2026-12-01', title: 'Day one' });
  const dayId = (await stateOf(workshopId)).days[0]?.id as string;
  await command(chair, {
    type: 'agenda.addItem',
    dayId,
    title: 'Opening',
    start: '09:00',
    durationMinutes: 30,
    kind: 'plenary',
  });
  await command(chair, { type: 'poll.create', question: 'Adopt?', options: ['Yes', 'No'] });
  const poll = (await stateOf(workshopId)).polls[0];
  await command(chair, { type: 'poll.open', pollId: poll?.id as string });
  await command(chair, { type: 'proposal.put', text: 'Adopt the agenda' });
  await command(other.client, { type: 'queue.raiseHand', kind: 'new-point' });
  await command(byRole['room-device'].client, {
    type: 'participant.setInRoomPeople',
    participantId: device,
    people: ['Ana'],
  });
  const state = await stateOf(workshopId);
  return {
    workshopId,
    byRole,
    ids: {
      plenaryRoomId: state.plenaryRoomId,
      setId: set.id,
      roomId: set.rooms[0]?.id as RoomId,
      otherId: other.joined.self.id,
      deviceId: device,
      dayId,
      itemId: state.agenda[0]?.id as string,
      pollId: poll?.id as string,
      optionId: poll?.options[0]?.id as string,
      proposalId: state.proposals[0]?.id as string,
      entryId: state.queue.entries[0]?.id as string,
      helpRequestId: 'no-such-request',
    },
  };
}

/**
 * What a permitted role needs besides its role for some commands: a room's outcomes are kept by its
 * rapporteur, so the actor is made the rapporteur of the room first.
 */
const ARRANGE: Partial<Record<ClientCommandType, (staged: Stage, actor: Person) => Promise<void>>> = {
  'outcomes.edit': (staged, actor) => makeRapporteur(staged, actor),
  'outcomes.submit': (staged, actor) => makeRapporteur(staged, actor),
};

async function makeRapporteur({ byRole, ids }: Stage, actor: Person): Promise<void> {
  const chair = byRole.facilitator.client;
  const { setId, roomId } = ids;
  const participantId = actor.joined.self.id;
  await command(chair, { type: 'breakouts.assign', setId, participantId, roomId });
  await command(chair, { type: 'breakouts.setRapporteur', setId, roomId, participantId });
}

describe('authorisation over real sockets', () => {
  it('has a payload for every workshop command type', () => {
    expect(CLIENT_COMMAND_TYPES.filter((type) => !WORKSHOP_COMMANDS[type])).toEqual([]);
  });

  // One workshop per command type: the refused roles go first, against an untouched state; then the
  // permitted ones, which may still fail for other reasons (not_found, conflict) but not `forbidden`.
  const covered = CLIENT_COMMAND_TYPES.filter((type) => WORKSHOP_COMMANDS[type]);
  it.each(covered.map((type) => [type]))('%s: refused roles change nothing', async (type) => {
    const staged = await stage();
    const { workshopId, byRole, ids } = staged;
    const roles = [...ROLES].sort((a, b) => Number(isAllowed(a, type)) - Number(isAllowed(b, type)));
    for (const role of roles) {
      const actor = byRole[role];
      const payload = workshopCommand(type as ClientCommandType, { ...ids, actorId: actor.joined.self.id });
      const arrange = ARRANGE[type as ClientCommandType];
      if (arrange && isAllowed(role, type) && role !== 'facilitator' && role !== 'co-facilitator') {
        await arrange(staged, actor);
      }
      const before = await stateOf(workshopId);
      const answer = await request(actor.client, Command.workshopCommand, payload);
      if (isAllowed(role, type)) {
        if (!answer.ok) expect(answer.error.code, `${role} ${type}: ${answer.error.message}`).not.toBe('forbidden');
      } else {
        expect(answer, `${role} ${type}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(await stateOf(workshopId)).toEqual(before);
      }
    }
  });

  it('lets only chairs hand out invitations, preview a CSV import and moderate media', async () => {
    const { workshopId, byRole, ids } = await stage();
    const before = await stateOf(workshopId);
    for (const role of ROLES) {
      const { client } = byRole[role];
      const chair = role === 'facilitator' || role === 'co-facilitator';
      const answers = [
        await request(client, Command.workshopCreateInvites, {}),
        await request(client, Command.breakoutsPreviewCsv, { setId: ids.setId, csv: 'name,room\nAna,North\n' }),
        await request(client, Command.mediaModerate, { participantId: ids.otherId, action: 'mute' }),
        await request(client, Command.mediaSpeakToBreakouts, { on: true }),
      ];
      for (const answer of answers) {
        if (chair) {
          if (!answer.ok) expect(answer.error.code).not.toBe('forbidden');
        } else expect(answer, role).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect((await stateOf(workshopId)).revision).toBe(before.revision);
  });
});

describe('breakout chat', () => {
  it('reaches the room’s members, chairs and observers, and no other delegate', async () => {
    const { workshopId, invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const chair = await person(invites.facilitator, 'Chair');
    const observer = await person(invites.observer, 'Observer');
    const north = [await person(invites.delegate, 'N1'), await person(invites.rapporteur, 'N2')];
    const south = [await person(invites.delegate, 'S1'), await person(invites['room-device'], 'S2')];
    await command(chair.client, { type: 'breakouts.createSet', name: 'Groups', roomNames: ['North', 'South'] });
    const set = (await stateOf(workshopId)).breakouts.sets[0];
    const [northRoom, southRoom] = (set?.rooms ?? []).map((room) => room.id);
    if (!set || !northRoom || !southRoom) throw new Error('no rooms');
    const assign = async (people: Person[], roomId: RoomId) => {
      for (const someone of people) {
        const participantId: ParticipantId = someone.joined.self.id;
        await command(chair.client, { type: 'breakouts.assign', setId: set.id, participantId, roomId });
      }
    };
    await assign(north, northRoom);
    await assign(south, southRoom);
    await command(chair.client, { type: 'breakouts.open', setId: set.id, durationMs: 600_000 });
    await eventually(() => {
      for (const someone of north) expect(currentRoom(someone)).toBe(northRoom);
      for (const someone of south) expect(currentRoom(someone)).toBe(southRoom);
    });

    const send = (someone: Person, roomId: RoomId, text: string) =>
      request(someone.client, Command.workshopCommand, { type: 'chat.send', channel: { kind: 'room', roomId }, text });
    expect((await send(north[0] as Person, northRoom, 'north secret')).ok).toBe(true);
    expect((await send(south[0] as Person, southRoom, 'south secret')).ok).toBe(true);
    expect(await send(north[0] as Person, southRoom, 'gatecrash')).toMatchObject({ error: { code: 'forbidden' } });
    // Facts reach each connection in order: once everyone has a later change, any leak has arrived.
    const everyone = [chair, observer, ...north, ...south];
    const marker = await command(chair.client, { type: 'breakouts.extend', byMs: 60_000 });
    await eventually(() => {
      for (const someone of everyone) expect(someone.changes.at(-1)?.revision).toBe(marker);
    });
    const texts = (someone: Person) => someone.changes.flatMap((change) => change.chat.map((message) => message.text));

    for (const someone of [chair, observer, ...north]) expect(texts(someone)).toContain('north secret');
    for (const someone of [chair, observer, ...south]) expect(texts(someone)).toContain('south secret');
    for (const someone of south) expect(texts(someone)).not.toContain('north secret');
    for (const someone of north) expect(texts(someone)).not.toContain('south secret');
    for (const someone of everyone) expect(texts(someone)).not.toContain('gatecrash');
    // Nor does a snapshot show it.
    const snapshot = await request(south[0]?.client as Person['client'], Command.workshopSnapshot, {});
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    const visible = Object.values(snapshot.data.workshop.chat).flatMap((log) => log.map((message) => message.text));
    expect(visible).toContain('south secret');
    expect(visible).not.toContain('north secret');
  });
});
