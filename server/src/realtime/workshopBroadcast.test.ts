import { describe, expect, it } from 'vitest';
import { exec, fac, pid, workshopWith } from '../domain/testkit.ts';
import { planBroadcast } from './workshopBroadcast.ts';

const people = [
  { id: 'ana', organisation: 'Fiji', email: 'ana@fj.example' },
  { id: 'ben', organisation: 'Samoa', email: 'ben@ws.example' },
  { id: 'obs', role: 'observer' as const, organisation: 'Press' },
];

describe('planBroadcast', () => {
  it('sends only the slices that changed, the same public payload to every non-chair', () => {
    const before = workshopWith(people);
    const { state: after, events } = exec(before, { type: 'queue.raiseHand', actor: pid('ana'), kind: 'new-point' });
    const plan = planBroadcast(before, after, events);
    expect(Object.keys(plan.chairs.slices)).toEqual(['queue']);
    expect(plan.public).toEqual({ revision: after.revision, slices: { queue: after.queue }, chat: [] });
    expect(plan.personal).toEqual([]);
  });

  it('never shows other people’s email to non-chairs, but shows each their own', () => {
    const before = workshopWith(people);
    const { state: after, events } = exec(before, {
      type: 'participant.updateProfile',
      actor: pid('ana'),
      organisation: 'Fiji Islands',
    });
    const plan = planBroadcast(before, after, events);
    expect(plan.chairs.slices.participants?.[pid('ben')]?.email).toBe('ben@ws.example');
    expect(plan.public.slices.participants?.[pid('ana')]?.email).toBeNull();
    expect(plan.public.slices.participants?.[pid('ben')]?.email).toBeNull();
    const own = plan.personal.find((entry) => entry.participantId === pid('ana'));
    expect(own?.change.slices.participants?.[pid('ana')]?.email).toBe('ana@fj.example');
    expect(own?.change.slices.participants?.[pid('ben')]?.email).toBeNull();
  });

  it('gives a plenary chat message to its readers only, inside the change for that revision', () => {
    const before = workshopWith(people);
    const { state: after, events } = exec(before, {
      type: 'chat.send',
      actor: pid('ben'),
      channel: { kind: 'facilitators', participantId: pid('ben') },
      text: 'my microphone is broken',
    });
    const plan = planBroadcast(before, after, events);
    expect(plan.chairs.chat.map((message) => message.text)).toEqual(['my microphone is broken']);
    expect(plan.public.chat).toEqual([]);
    expect(plan.personal.map((entry) => entry.participantId)).toEqual([pid('ben')]);
    expect(plan.personal[0]?.change).toMatchObject({ revision: after.revision, slices: {} });
  });

  it('sends every slice, as they now may see it, to someone whose role changed', () => {
    const before = workshopWith(people);
    const { state: after, events } = exec(before, {
      type: 'participant.setRole',
      actor: fac,
      participantId: pid('ben'),
      role: 'co-facilitator',
    });
    const plan = planBroadcast(before, after, events);
    const ben = plan.personal.find((entry) => entry.participantId === pid('ben'));
    expect(Object.keys(ben?.change.slices ?? {})).toContain('agenda');
    expect(ben?.change.slices.participants?.[pid('ana')]?.email).toBe('ana@fj.example');
  });

  it('keeps every revision flowing, even when nothing visible changed', () => {
    const before = workshopWith(people);
    const { state: after, events } = exec(before, { type: 'queue.clear', actor: fac });
    const plan = planBroadcast(before, after, events);
    expect(plan.public.revision).toBe(before.revision + 1);
  });
});
