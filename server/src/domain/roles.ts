import { ROLES, type Role, type WorkshopCommandType } from './model.ts';

/** Roles plus the server itself, which issues registrations, presence and deadline commands. */
export type ActorRole = Role | 'system';
export const ACTOR_ROLES: readonly ActorRole[] = [...ROLES, 'system'];

const CHAIRS = ['facilitator', 'co-facilitator'] as const;
/** Those who take part in the discussion: they answer polls and proposals, join breakout groups. */
const DISCUSSANTS = ['rapporteur', 'delegate', 'room-device'] as const;
/** Everyone who may speak or write: all but observers, who listen and watch only. */
const SPEAKERS = [...CHAIRS, ...DISCUSSANTS] as const;
const EVERYONE = [...SPEAKERS, 'observer'] as const;
const SYSTEM = ['system'] as const;

/**
 * THE permission table: which roles may issue each command type. Checks that depend on the object
 * (a delegate lowers only their own hand, a room device lists only its own people) sit in the
 * feature that handles the command. The rapporteur role has a delegate's rights; what makes a
 * rapporteur special is being a breakout room's rapporteur (see `isRapporteur`).
 */
export const PERMISSIONS: Readonly<Record<WorkshopCommandType, readonly ActorRole[]>> = {
  'workshop.updateSettings': CHAIRS,

  'participant.register': SYSTEM,
  'participant.updateProfile': EVERYONE,
  'participant.setRole': ['facilitator'],
  'participant.setInRoomPeople': [...CHAIRS, 'room-device'],
  'participant.connected': SYSTEM,
  'participant.disconnected': SYSTEM,

  'lobby.admit': CHAIRS,
  'lobby.admitAll': CHAIRS,

  'agenda.addDay': CHAIRS,
  'agenda.removeDay': CHAIRS,
  'agenda.addItem': CHAIRS,
  'agenda.updateItem': CHAIRS,
  'agenda.removeItem': CHAIRS,
  'agenda.reorderItems': CHAIRS,
  'agenda.startItem': CHAIRS,
  'agenda.stopItem': CHAIRS,

  'queue.raiseHand': SPEAKERS,
  'queue.lowerHand': SPEAKERS,
  'queue.addInRoomPerson': [...CHAIRS, 'room-device'],
  'queue.giveFloor': CHAIRS,
  'queue.move': CHAIRS,
  'queue.remove': CHAIRS,
  'queue.clear': CHAIRS,
  // The speaker may yield early; the scheduler ends a turn that ran out.
  'queue.endTurn': [...SPEAKERS, 'system'],
  'queue.turnTick': SYSTEM,

  'breakouts.createSet': CHAIRS,
  'breakouts.deleteSet': CHAIRS,
  'breakouts.renameRoom': CHAIRS,
  'breakouts.assign': CHAIRS,
  'breakouts.autoAssign': CHAIRS,
  'breakouts.importCsv': CHAIRS,
  'breakouts.configureSelfSelect': CHAIRS,
  'breakouts.choose': DISCUSSANTS,
  'breakouts.setRapporteur': CHAIRS,
  'breakouts.open': CHAIRS,
  'breakouts.extend': CHAIRS,
  'breakouts.broadcast': CHAIRS,
  'breakouts.requestHelp': DISCUSSANTS,
  'breakouts.acknowledgeHelp': CHAIRS,
  'breakouts.resolveHelp': CHAIRS,
  'breakouts.visit': [...CHAIRS, 'observer'],
  'breakouts.move': CHAIRS,
  // The scheduler recalls when the timer runs out and closes when the grace countdown ends.
  'breakouts.recall': [...CHAIRS, 'system'],
  'breakouts.close': [...CHAIRS, 'system'],

  'chat.send': SPEAKERS,

  'poll.create': CHAIRS,
  'poll.open': CHAIRS,
  'poll.vote': DISCUSSANTS,
  'poll.close': CHAIRS,

  'proposal.put': CHAIRS,
  'proposal.respond': DISCUSSANTS,
  'proposal.close': CHAIRS,

  // Whether a discussant may keep a room's outcomes depends on being its rapporteur (see outcomes.ts).
  'outcomes.edit': SPEAKERS,
  'outcomes.submit': SPEAKERS,
  'outcomes.accept': CHAIRS,
  'reportBack.start': CHAIRS,
  'reportBack.next': CHAIRS,
  'reportBack.stop': CHAIRS,

  // Uploads are checked and stored by the server, which then records them.
  'library.add': SYSTEM,
  'library.remove': CHAIRS,
  'presentation.start': CHAIRS,
  'presentation.handOver': CHAIRS,
  // Whether someone may turn the pages depends on holding the deck (see library.ts).
  'presentation.turnPage': SPEAKERS,
  'presentation.stop': SPEAKERS,
};

export const isAllowed = (role: ActorRole, type: WorkshopCommandType): boolean => PERMISSIONS[type].includes(role);

export const isChairRole = (role: ActorRole): boolean => role === 'facilitator' || role === 'co-facilitator';

/** What someone still waiting in the lobby may do (besides wait). */
export const LOBBY_COMMANDS: ReadonlySet<WorkshopCommandType> = new Set<WorkshopCommandType>([
  'participant.updateProfile',
  'chat.send',
]);
