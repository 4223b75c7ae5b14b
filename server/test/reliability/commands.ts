// A valid payload for every workshop command type: the authorisation test sends them from every
// role; the fuzz breaks them. Values are chosen so a permitted role passes the checks that depend on
// the object too (own hand, own thread, own room device), leaving `forbidden` to the permission table.
import {
  type ClientCommandType,
  type Command,
  type CommandRequest,
  type ParticipantId,
  PROTOCOL_VERSION,
  type RoomId,
} from '@plenary/shared';

export type WorkshopCommandInput = CommandRequest<typeof Command.workshopCommand>;
type Of<T extends ClientCommandType> = Extract<WorkshopCommandInput, { type: T }>;

/** Ids in a workshop set up by `prepareWorkshop` (authorisation) or made up (fuzz). */
export interface Ids {
  plenaryRoomId: RoomId;
  setId: string;
  roomId: RoomId;
  /** who sends the command */
  actorId: ParticipantId;
  /** someone else, a delegate */
  otherId: ParticipantId;
  deviceId: ParticipantId;
  dayId: string;
  itemId: string;
  pollId: string;
  optionId: string;
  proposalId: string;
  entryId: string;
  helpRequestId: string;
}

export const MADE_UP_IDS: Ids = {
  plenaryRoomId: 'plenary' as RoomId,
  setId: 'set-1',
  roomId: 'room-1' as RoomId,
  actorId: 'p-actor' as ParticipantId,
  otherId: 'p-other' as ParticipantId,
  deviceId: 'p-device' as ParticipantId,
  dayId: 'day-1',
  itemId: 'item-1',
  pollId: 'poll-1',
  optionId: 'opt-1',
  proposalId: 'prop-1',
  entryId: 'entry-1',
  helpRequestId: 'help-1',
};

/**
 * Not typed as a complete record on purpose: a command type added elsewhere must not break the
 * build; the authorisation test fails instead, naming the type that needs a payload here.
 */
export const WORKSHOP_COMMANDS: { [T in ClientCommandType]?: (ids: Ids) => Of<T> } = {
  'workshop.updateSettings': () => ({ type: 'workshop.updateSettings', title: 'Renamed workshop' }),
  'participant.updateProfile': () => ({ type: 'participant.updateProfile', organisation: 'Ministry of Works' }),
  'participant.setRole': (ids) => ({ type: 'participant.setRole', participantId: ids.otherId, role: 'rapporteur' }),
  'participant.setInRoomPeople': (ids) => ({
    type: 'participant.setInRoomPeople',
    participantId: ids.deviceId,
    people: ['Ana', 'Ben'],
  }),
  'lobby.admit': (ids) => ({ type: 'lobby.admit', participantId: ids.otherId }),
  'lobby.admitAll': () => ({ type: 'lobby.admitAll' }),
  'agenda.addDay': () => ({ type: 'agenda.addDay', date: '2026-12-02', title: 'Day two' }),
  'agenda.removeDay': (ids) => ({ type: 'agenda.removeDay', dayId: ids.dayId }),
  'agenda.addItem': (ids) => ({
    type: 'agenda.addItem',
    dayId: ids.dayId,
    title: 'Report back',
    start: '11:00',
    durationMinutes: 45,
    kind: 'report-back',
  }),
  'agenda.updateItem': (ids) => ({ type: 'agenda.updateItem', itemId: ids.itemId, title: 'Opening remarks' }),
  'agenda.removeItem': (ids) => ({ type: 'agenda.removeItem', itemId: ids.itemId }),
  'agenda.reorderItems': (ids) => ({ type: 'agenda.reorderItems', dayId: ids.dayId, itemIds: [ids.itemId] }),
  'agenda.startItem': (ids) => ({ type: 'agenda.startItem', itemId: ids.itemId }),
  'agenda.stopItem': () => ({ type: 'agenda.stopItem' }),
  'queue.raiseHand': () => ({ type: 'queue.raiseHand', kind: 'direct-reply' }),
  'queue.lowerHand': () => ({ type: 'queue.lowerHand' }),
  'queue.addInRoomPerson': (ids) => ({
    type: 'queue.addInRoomPerson',
    deviceId: ids.deviceId,
    name: 'Ana',
    kind: 'new-point',
  }),
  'queue.giveFloor': () => ({ type: 'queue.giveFloor' }),
  'queue.move': (ids) => ({ type: 'queue.move', entryId: ids.entryId, position: 0 }),
  'queue.remove': (ids) => ({ type: 'queue.remove', entryId: ids.entryId }),
  'queue.clear': () => ({ type: 'queue.clear' }),
  'queue.endTurn': () => ({ type: 'queue.endTurn' }),
  'breakouts.createSet': () => ({ type: 'breakouts.createSet', name: 'Second round', roomNames: ['East', 'West'] }),
  'breakouts.deleteSet': (ids) => ({ type: 'breakouts.deleteSet', setId: ids.setId }),
  'breakouts.renameRoom': (ids) => ({
    type: 'breakouts.renameRoom',
    setId: ids.setId,
    roomId: ids.roomId,
    name: 'East',
  }),
  'breakouts.assign': (ids) => ({
    type: 'breakouts.assign',
    setId: ids.setId,
    participantId: ids.otherId,
    roomId: ids.roomId,
  }),
  'breakouts.autoAssign': (ids) => ({ type: 'breakouts.autoAssign', setId: ids.setId, strategy: 'balanced', seed: 5 }),
  'breakouts.importCsv': (ids) => ({ type: 'breakouts.importCsv', setId: ids.setId, csv: 'name,room\nAna,North\n' }),
  'breakouts.configureSelfSelect': (ids) => ({
    type: 'breakouts.configureSelfSelect',
    setId: ids.setId,
    allowed: true,
    maxPerRoom: 10,
  }),
  'breakouts.choose': (ids) => ({ type: 'breakouts.choose', setId: ids.setId, roomId: ids.roomId }),
  'breakouts.setRapporteur': (ids) => ({
    type: 'breakouts.setRapporteur',
    setId: ids.setId,
    roomId: ids.roomId,
    participantId: ids.otherId,
  }),
  'breakouts.open': (ids) => ({ type: 'breakouts.open', setId: ids.setId, durationMs: 600_000 }),
  'breakouts.extend': () => ({ type: 'breakouts.extend', byMs: 60_000 }),
  'breakouts.broadcast': () => ({ type: 'breakouts.broadcast', text: 'Five minutes left' }),
  'breakouts.requestHelp': () => ({ type: 'breakouts.requestHelp', message: 'We are stuck' }),
  'breakouts.acknowledgeHelp': (ids) => ({ type: 'breakouts.acknowledgeHelp', requestId: ids.helpRequestId }),
  'breakouts.resolveHelp': (ids) => ({ type: 'breakouts.resolveHelp', requestId: ids.helpRequestId }),
  'breakouts.visit': (ids) => ({ type: 'breakouts.visit', roomId: ids.roomId }),
  'breakouts.move': (ids) => ({ type: 'breakouts.move', participantId: ids.otherId, roomId: ids.roomId }),
  'breakouts.recall': () => ({ type: 'breakouts.recall', graceMs: 0 }),
  'breakouts.close': () => ({ type: 'breakouts.close' }),
  'chat.send': (ids) => ({ type: 'chat.send', channel: { kind: 'room', roomId: ids.plenaryRoomId }, text: 'Hello' }),
  'poll.create': () => ({ type: 'poll.create', question: 'Adopt the agenda?', options: ['Yes', 'No'] }),
  'poll.open': (ids) => ({ type: 'poll.open', pollId: ids.pollId }),
  'poll.vote': (ids) => ({ type: 'poll.vote', pollId: ids.pollId, optionId: ids.optionId }),
  'poll.close': (ids) => ({ type: 'poll.close', pollId: ids.pollId }),
  'proposal.put': () => ({ type: 'proposal.put', text: 'That the report be adopted' }),
  'proposal.respond': (ids) => ({ type: 'proposal.respond', proposalId: ids.proposalId, response: 'agree' }),
  'proposal.close': (ids) => ({ type: 'proposal.close', proposalId: ids.proposalId }),
  'outcomes.edit': (ids) => ({ type: 'outcomes.edit', roomId: ids.roomId, section: 'challenges', items: ['Funding'] }),
  'outcomes.submit': (ids) => ({ type: 'outcomes.submit', roomId: ids.roomId }),
  'outcomes.accept': (ids) => ({ type: 'outcomes.accept', roomId: ids.roomId }),
  'reportBack.start': (ids) => ({ type: 'reportBack.start', setId: ids.setId, durationMs: null }),
  'reportBack.next': () => ({ type: 'reportBack.next' }),
  'reportBack.stop': () => ({ type: 'reportBack.stop' }),
  'library.remove': () => ({ type: 'library.remove', libraryItemId: 'no-such-document' }),
  'presentation.start': () => ({ type: 'presentation.start', libraryItemId: 'no-such-document' }),
  'presentation.handOver': (ids) => ({ type: 'presentation.handOver', presenterId: ids.otherId }),
  'presentation.turnPage': () => ({ type: 'presentation.turnPage', page: 2 }),
  'presentation.stop': () => ({ type: 'presentation.stop' }),
};

export function workshopCommand(type: ClientCommandType, ids: Ids): WorkshopCommandInput {
  const build = WORKSHOP_COMMANDS[type] as ((ids: Ids) => WorkshopCommandInput) | undefined;
  if (!build) throw new Error(`no payload for '${type}': add one to server/test/reliability/commands.ts`);
  return build(ids);
}

/** For the fuzz: the valid payload, or just the type for a command added since this was written. */
export const workshopTemplate = (type: ClientCommandType, ids: Ids): unknown =>
  WORKSHOP_COMMANDS[type] ? workshopCommand(type, ids) : { type };

/** A valid-looking join by invite (the token decides whether it is accepted). */
export const inviteJoin = (token: string) => ({
  protocolVersion: PROTOCOL_VERSION,
  credential: {
    kind: 'invite' as const,
    token,
    profile: { name: 'Ana', organisation: 'Fiji', country: 'Fiji', language: 'en', timeZone: 'Pacific/Fiji' },
  },
});
