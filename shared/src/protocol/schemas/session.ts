import { z } from 'zod';

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'a name is needed')
  .max(80, 'a name has at most 80 characters')
  .refine((name) => !/\p{Cc}/u.test(name), 'a name cannot contain control characters');

export const EmptyRequestSchema = z.strictObject({});
