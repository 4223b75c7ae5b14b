import { z } from 'zod';
import * as agenda from './agenda.ts';
import * as breakouts from './breakouts.ts';
import * as chat from './chat.ts';
import * as library from './library.ts';
import * as lobby from './lobby.ts';
import * as outcomes from './outcomes.ts';
import * as polls from './polls.ts';
import * as proposals from './proposals.ts';
import * as queue from './queue.ts';
import * as roster from './roster.ts';
import * as workshop from './workshop.ts';

export * from './agenda.ts';
export * from './breakouts.ts';
export * from './chat.ts';
export * from './common.ts';
export * from './library.ts';
export * from './lobby.ts';
export * from './outcomes.ts';
export * from './polls.ts';
export * from './proposals.ts';
export * from './queue.ts';
export * from './roster.ts';
export * from './workshop.ts';

/** What a client may send: the server parses it with `WorkshopCommandRequestSchema` and adds the actor. */
export const CLIENT_COMMAND_SCHEMAS = [
  workshop.UpdateSettingsCommandSchema,
  roster.UpdateProfileCommandSchema,
  roster.SetRoleCommandSchema,
  roster.SetInRoomPeopleCommandSchema,
  lobby.AdmitCommandSchema,
  lobby.AdmitAllCommandSchema,
  agenda.AddDayCommandSchema,
  agenda.RemoveDayCommandSchema,
  agenda.AddItemCommandSchema,
  agenda.UpdateItemCommandSchema,
  agenda.RemoveItemCommandSchema,
  agenda.ReorderItemsCommandSchema,
  agenda.StartItemCommandSchema,
  agenda.StopItemCommandSchema,
  queue.RaiseHandCommandSchema,
  queue.LowerHandCommandSchema,
  queue.AddInRoomPersonCommandSchema,
  queue.GiveFloorCommandSchema,
  queue.MoveEntryCommandSchema,
  queue.RemoveEntryCommandSchema,
  queue.ClearQueueCommandSchema,
  queue.EndTurnCommandSchema,
  breakouts.CreateSetCommandSchema,
  breakouts.DeleteSetCommandSchema,
  breakouts.RenameRoomCommandSchema,
  breakouts.AssignCommandSchema,
  breakouts.AutoAssignCommandSchema,
  breakouts.ImportCsvCommandSchema,
  breakouts.ConfigureSelfSelectCommandSchema,
  breakouts.ChooseRoomCommandSchema,
  breakouts.SetRapporteurCommandSchema,
  breakouts.OpenBreakoutsCommandSchema,
  breakouts.ExtendBreakoutsCommandSchema,
  breakouts.BroadcastCommandSchema,
  breakouts.RequestHelpCommandSchema,
  breakouts.AcknowledgeHelpCommandSchema,
  breakouts.ResolveHelpCommandSchema,
  breakouts.VisitCommandSchema,
  breakouts.MoveParticipantCommandSchema,
  breakouts.RecallCommandSchema,
  breakouts.CloseBreakoutsCommandSchema,
  chat.SendChatCommandSchema,
  polls.CreatePollCommandSchema,
  polls.OpenPollCommandSchema,
  polls.VoteCommandSchema,
  polls.ClosePollCommandSchema,
  proposals.PutProposalCommandSchema,
  proposals.RespondProposalCommandSchema,
  proposals.CloseProposalCommandSchema,
  outcomes.EditOutcomesCommandSchema,
  outcomes.SubmitOutcomesCommandSchema,
  outcomes.AcceptOutcomesCommandSchema,
  outcomes.StartReportBackCommandSchema,
  outcomes.NextReportBackCommandSchema,
  outcomes.StopReportBackCommandSchema,
  library.RemoveLibraryItemCommandSchema,
  library.StartPresentationCommandSchema,
  library.HandOverPresentationCommandSchema,
  library.TurnPageCommandSchema,
  library.StopPresentationCommandSchema,
] as const;

/** Commands only the server itself issues (invites, presence, the scheduler). */
export const SYSTEM_COMMAND_SCHEMAS = [
  roster.RegisterCommandSchema,
  roster.ConnectedCommandSchema,
  roster.DisconnectedCommandSchema,
  queue.TurnTickCommandSchema,
  library.AddLibraryItemCommandSchema,
] as const;

export const WorkshopCommandRequestSchema = z.discriminatedUnion('type', CLIENT_COMMAND_SCHEMAS);
export const SystemCommandRequestSchema = z.discriminatedUnion('type', SYSTEM_COMMAND_SCHEMAS);

export type WorkshopCommandRequest = z.output<typeof WorkshopCommandRequestSchema>;
export type SystemCommandRequest = z.output<typeof SystemCommandRequestSchema>;
/** A command as the domain receives it, before the server adds the actor. */
export type WorkshopCommandPayload = WorkshopCommandRequest | SystemCommandRequest;
export type WorkshopCommandType = WorkshopCommandPayload['type'];
export type ClientCommandType = WorkshopCommandRequest['type'];

export const CLIENT_COMMAND_TYPES: readonly ClientCommandType[] = CLIENT_COMMAND_SCHEMAS.map(
  (schema) => schema.shape.type.value,
);
export const SYSTEM_COMMAND_TYPES: readonly SystemCommandRequest['type'][] = SYSTEM_COMMAND_SCHEMAS.map(
  (schema) => schema.shape.type.value,
);
