import type { ParticipantId, RoomId } from '@plenary/shared';
import type {
  AgendaItem,
  BreakoutSet,
  ChatMessage,
  Day,
  HelpRequest,
  Participant,
  Presentation,
  QueueEntry,
  Role,
  Speech,
  Turn,
  Whereabouts,
  WorkshopSettings,
} from './model.ts';

export interface Move {
  participantId: ParticipantId;
  from: Whereabouts;
  to: Whereabouts;
}

/**
 * Facts about what an accepted command changed, in the past tense. They carry enough for the
 * realtime layer to know whom to tell; private data (votes, private chat) is referenced, not
 * copied, where a broadcast could leak it.
 */
export type DomainEvent =
  | { type: 'workshop.settingsChanged'; title: string; settings: WorkshopSettings }
  | { type: 'participant.registered'; participant: Participant }
  | { type: 'participant.updated'; participant: Participant }
  | { type: 'participant.roleChanged'; participantId: ParticipantId; from: Role; to: Role }
  | { type: 'participant.presenceChanged'; participantId: ParticipantId; connected: boolean }
  | { type: 'lobby.admitted'; participantIds: ParticipantId[] }
  /** Everyone whose room (or visited room) changed, computed after every command. */
  | { type: 'participants.moved'; moves: Move[] }
  | { type: 'agenda.changed'; days: Day[]; items: AgendaItem[] }
  | { type: 'agenda.itemStarted'; itemId: string; startedAt: number; previousItemId: string | null }
  | { type: 'agenda.itemStopped'; itemId: string }
  | { type: 'queue.changed'; entries: QueueEntry[] }
  | { type: 'queue.floorGiven'; turn: Turn }
  | { type: 'queue.turnWarned'; turn: Turn }
  | { type: 'queue.turnEnded'; speech: Speech }
  | { type: 'breakouts.setChanged'; set: BreakoutSet }
  | { type: 'breakouts.setDeleted'; setId: string }
  | { type: 'breakouts.opened'; setId: string; endsAt: number }
  | { type: 'breakouts.extended'; setId: string; endsAt: number; previousEndsAt: number }
  | { type: 'breakouts.recallStarted'; setId: string; recallAt: number }
  | { type: 'breakouts.closed'; setId: string }
  | { type: 'breakouts.helpChanged'; setId: string; requests: HelpRequest[] }
  | { type: 'chat.messageSent'; message: ChatMessage }
  | { type: 'poll.changed'; pollId: string; status: 'draft' | 'open' | 'closed' }
  | { type: 'proposal.changed'; proposalId: string; status: 'open' | 'closed' }
  | { type: 'outcomes.changed'; roomId: RoomId; status: 'draft' | 'submitted' | 'accepted' }
  /** the group now reporting back, or null when report-back ended */
  | { type: 'reportBack.changed'; roomId: RoomId | null }
  | { type: 'library.changed'; libraryItemId: string }
  | { type: 'presentation.changed'; presentation: Presentation | null };
