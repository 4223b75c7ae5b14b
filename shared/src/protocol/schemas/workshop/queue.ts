import { z } from 'zod';
import { ParticipantIdSchema } from '../../../ids.ts';
import { QUEUE_ENTRY_KINDS } from '../../../model/workshop/queue.ts';
import { DurationMsSchema, EntityIdSchema, lineText } from './common.ts';

export const RaiseHandCommandSchema = z.strictObject({
  type: z.literal('queue.raiseHand'),
  kind: z.enum(QUEUE_ENTRY_KINDS),
});

/** Without `entryId`, lowers the actor's own hand. */
export const LowerHandCommandSchema = z.strictObject({
  type: z.literal('queue.lowerHand'),
  entryId: EntityIdSchema.optional(),
});

/** Queue a person sitting in a meeting room, listed under its room device. */
export const AddInRoomPersonCommandSchema = z.strictObject({
  type: z.literal('queue.addInRoomPerson'),
  deviceId: ParticipantIdSchema,
  name: lineText(80),
  kind: z.enum(QUEUE_ENTRY_KINDS),
});

/** Without `entryId`, the head of the queue gets the floor. `durationMs: null` for an untimed turn. */
export const GiveFloorCommandSchema = z.strictObject({
  type: z.literal('queue.giveFloor'),
  entryId: EntityIdSchema.optional(),
  durationMs: DurationMsSchema.nullable().optional(),
});

export const MoveEntryCommandSchema = z.strictObject({
  type: z.literal('queue.move'),
  entryId: EntityIdSchema,
  /** 0-based; beyond the end means last. */
  position: z.number().int().min(0).max(10_000),
});

export const RemoveEntryCommandSchema = z.strictObject({
  type: z.literal('queue.remove'),
  entryId: EntityIdSchema,
});

export const ClearQueueCommandSchema = z.strictObject({ type: z.literal('queue.clear') });

/** A chair or the speaker ends the turn; the server's scheduler sends it when the turn runs out. */
export const EndTurnCommandSchema = z.strictObject({ type: z.literal('queue.endTurn') });

/** The server's scheduler reports that the warning deadline of the current turn passed. */
export const TurnTickCommandSchema = z.strictObject({ type: z.literal('queue.turnTick') });
