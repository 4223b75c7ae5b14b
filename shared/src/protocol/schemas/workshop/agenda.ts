import { z } from 'zod';
import { AGENDA_ITEM_KINDS } from '../../../model/workshop/agenda.ts';
import { EntityIdSchema, lineText } from './common.ts';

export const MAX_AGENDA_ITEMS_PER_DAY = 100;

const DateSchema = z.iso.date();
const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:30');
const DurationMinutesSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const AddDayCommandSchema = z.strictObject({
  type: z.literal('agenda.addDay'),
  date: DateSchema,
  title: lineText(120),
});

export const RemoveDayCommandSchema = z.strictObject({
  type: z.literal('agenda.removeDay'),
  dayId: EntityIdSchema,
});

export const AddItemCommandSchema = z.strictObject({
  type: z.literal('agenda.addItem'),
  dayId: EntityIdSchema,
  title: lineText(200),
  start: LocalTimeSchema,
  durationMinutes: DurationMinutesSchema,
  presenter: lineText(120).nullable().optional(),
  kind: z.enum(AGENDA_ITEM_KINDS),
  breakoutSetId: EntityIdSchema.nullable().optional(),
});

export const UpdateItemCommandSchema = z.strictObject({
  type: z.literal('agenda.updateItem'),
  itemId: EntityIdSchema,
  dayId: EntityIdSchema.optional(),
  title: lineText(200).optional(),
  start: LocalTimeSchema.optional(),
  durationMinutes: DurationMinutesSchema.optional(),
  presenter: lineText(120).nullable().optional(),
  kind: z.enum(AGENDA_ITEM_KINDS).optional(),
  breakoutSetId: EntityIdSchema.nullable().optional(),
});

export const RemoveItemCommandSchema = z.strictObject({
  type: z.literal('agenda.removeItem'),
  itemId: EntityIdSchema,
});

/** The day's items in their new order: exactly the day's items, each once. */
export const ReorderItemsCommandSchema = z.strictObject({
  type: z.literal('agenda.reorderItems'),
  dayId: EntityIdSchema,
  itemIds: z.array(EntityIdSchema).max(MAX_AGENDA_ITEMS_PER_DAY),
});

export const StartItemCommandSchema = z.strictObject({
  type: z.literal('agenda.startItem'),
  itemId: EntityIdSchema,
});

export const StopItemCommandSchema = z.strictObject({ type: z.literal('agenda.stopItem') });
