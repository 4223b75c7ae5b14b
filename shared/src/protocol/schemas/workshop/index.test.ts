import { describe, expect, it } from 'vitest';
import {
  CLIENT_COMMAND_TYPES,
  RegisterCommandSchema,
  SYSTEM_COMMAND_TYPES,
  SystemCommandRequestSchema,
  WorkshopCommandRequestSchema,
} from './index.ts';

describe('workshop command schemas', () => {
  it('parse a valid client command and trim its text', () => {
    const parsed = WorkshopCommandRequestSchema.parse({
      type: 'chat.send',
      channel: { kind: 'room', roomId: 'plenary' },
      text: '  Hello\nall  ',
    });
    expect(parsed).toEqual({ type: 'chat.send', channel: { kind: 'room', roomId: 'plenary' }, text: 'Hello\nall' });
  });

  it('refuse unknown commands, extra keys, system commands and a client-supplied actor', () => {
    expect(WorkshopCommandRequestSchema.safeParse({ type: 'queue.dance' }).success).toBe(false);
    expect(WorkshopCommandRequestSchema.safeParse({ type: 'queue.clear', extra: 1 }).success).toBe(false);
    expect(WorkshopCommandRequestSchema.safeParse({ type: 'queue.clear', actor: 'fac' }).success).toBe(false);
    expect(WorkshopCommandRequestSchema.safeParse({ type: 'queue.turnTick' }).success).toBe(false);
    expect(SystemCommandRequestSchema.safeParse({ type: 'queue.turnTick' }).success).toBe(true);
  });

  it('bound strings and arrays and refuse control characters', () => {
    const send = (text: string) =>
      WorkshopCommandRequestSchema.safeParse({ type: 'chat.send', channel: { kind: 'room', roomId: 'p' }, text })
        .success;
    expect(send('x'.repeat(2000))).toBe(true);
    expect(send('x'.repeat(2001))).toBe(false);
    expect(send('   ')).toBe(false);
    expect(send('bell\u0007')).toBe(false);
    const create = (roomNames: string[]) =>
      WorkshopCommandRequestSchema.safeParse({ type: 'breakouts.createSet', name: 'G', roomNames }).success;
    expect(create(Array.from({ length: 50 }, (_, i) => `R${i}`))).toBe(true);
    expect(create(Array.from({ length: 51 }, (_, i) => `R${i}`))).toBe(false);
    expect(create([])).toBe(false);
    expect(create(['tab\there'])).toBe(false);
  });

  it('check times, dates, zones and languages', () => {
    const item = { type: 'agenda.addItem', dayId: 'd', title: 'T', durationMinutes: 30, kind: 'plenary' };
    expect(WorkshopCommandRequestSchema.safeParse({ ...item, start: '09:30' }).success).toBe(true);
    expect(WorkshopCommandRequestSchema.safeParse({ ...item, start: '24:00' }).success).toBe(false);
    expect(
      WorkshopCommandRequestSchema.safeParse({ type: 'agenda.addDay', date: '2025-02-30', title: 'x' }).success,
    ).toBe(false);
    const person = {
      type: 'participant.register',
      participantId: 'p1',
      name: 'Ana',
      organisation: 'Agency',
      country: 'PT',
      role: 'delegate',
      language: 'pt-PT',
      timeZone: 'Europe/Lisbon',
    };
    expect(RegisterCommandSchema.safeParse(person).success).toBe(true);
    expect(RegisterCommandSchema.safeParse({ ...person, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(RegisterCommandSchema.safeParse({ ...person, language: 'portuguese!' }).success).toBe(false);
    expect(RegisterCommandSchema.safeParse({ ...person, email: 'not-an-email' }).success).toBe(false);
  });

  it('list each command type once', () => {
    const all = [...CLIENT_COMMAND_TYPES, ...SYSTEM_COMMAND_TYPES];
    expect(new Set(all).size).toBe(all.length);
  });
});
