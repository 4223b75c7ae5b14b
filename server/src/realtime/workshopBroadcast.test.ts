import {
  applyChangeToView,
  isChair,
  type ParticipantId,
  type WorkshopChange,
  type WorkshopState,
  type WorkshopView,
} from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import type { WorkshopCommand } from '../domain/commands.ts';
import { exec, fac, pid, register, SYSTEM, workshopWith } from '../domain/testkit.ts';
import { snapshotFor } from './snapshot.ts';
import { type BroadcastPlan, planBroadcast } from './workshopBroadcast.ts';

const people = [
  { id: 'ana', organisation: 'Fiji', email: 'ana@fj.example' },
  { id: 'ben', organisation: 'Samoa', email: 'ben@ws.example' },
  { id: 'obs', role: 'observer' as const, organisation: 'Press' },
  { id: 'co', role: 'co-facilitator' as const, organisation: 'Secretariat' },
];

/** What `publishChange` sends one participant: their group's change, else the chairs' or the public one. */
function delivered(plan: BroadcastPlan, after: WorkshopState, id: ParticipantId): WorkshopChange {
  const own = plan.personal.find((group) => group.participantIds.includes(id));
  if (own) return own.change;
  return isChair(after.participants[id]?.role ?? 'observer') ? plan.chairs : plan.public;
}

/** The live view the join answer and snapshots give. */
const liveView = (state: WorkshopState, id: ParticipantId): WorkshopView => snapshotFor(state, id).workshop;

const roomsOf = (state: WorkshopState) => state.breakouts.sets[0]?.rooms.map((room) => room.id) ?? [];
const setOf = (state: WorkshopState) => state.breakouts.sets[0]?.id ?? '';
const otherRoom = (state: WorkshopState, id: string) =>
  roomsOf(state).find((room) => room !== state.breakouts.sets[0]?.assignments[pid(id)]) as never;
const pollOf = (state: WorkshopState) => state.polls[0]?.id ?? '';

describe('planBroadcast', () => {
  it('sends only the slices that changed, the same public payload to every non-chair', () => {
    const before = workshopWith(people);
    const { state: after } = exec(before, { type: 'queue.raiseHand', actor: pid('ana'), kind: 'new-point' });
    const plan = planBroadcast(before, after);
    expect(Object.keys(plan.chairs.slices)).toEqual(['queue']);
    expect(plan.public).toEqual({ revision: after.revision, slices: { queue: after.queue }, patches: {}, chat: [] });
    expect(plan.personal).toEqual([]);
  });

  it('sends one arrival as one entry, whatever the size of the roster', () => {
    const crowd = Array.from({ length: 200 }, (_, index) => ({ id: `d${index}`, email: `d${index}@x.example` }));
    const before = workshopWith(crowd);
    const registered = register(before, { id: 'late', email: 'late@x.example', connected: false });
    const { state: after } = exec(registered, {
      type: 'participant.connected',
      actor: SYSTEM,
      participantId: pid('late'),
    });
    const plan = planBroadcast(registered, after);
    expect(Object.keys(plan.public.patches.participants?.set ?? {})).toEqual(['late']);
    expect(plan.public.slices).toEqual({});
    // Their own record (with their email) goes to them alone.
    expect(plan.personal.map((group) => group.participantIds)).toEqual([[pid('late')]]);
    expect(JSON.stringify(plan.public).length).toBeLessThan(600);
  });

  it('never shows other people’s email to non-chairs, but shows each their own', () => {
    const before = workshopWith(people);
    const { state: after } = exec(before, {
      type: 'participant.updateProfile',
      actor: pid('ana'),
      organisation: 'Fiji Islands',
    });
    const plan = planBroadcast(before, after);
    expect(plan.chairs.patches.participants?.set[pid('ana')]?.email).toBe('ana@fj.example');
    expect(plan.public.patches.participants?.set[pid('ana')]?.email).toBeNull();
    expect(Object.keys(plan.public.patches.participants?.set ?? {})).toEqual(['ana']);
    const own = plan.personal.find((group) => group.participantIds.includes(pid('ana')));
    expect(own?.participantIds).toEqual([pid('ana')]);
    expect(own?.change.patches.participants?.set[pid('ana')]?.email).toBe('ana@fj.example');
  });

  it('opening breakouts sends the open set, not the assignments again', () => {
    let state = workshopWith(people);
    state = exec(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One', 'Two'] }).state;
    state = exec(state, {
      type: 'breakouts.autoAssign',
      actor: fac,
      setId: setOf(state),
      strategy: 'random',
      seed: 1,
    }).state;
    const { state: after } = exec(state, {
      type: 'breakouts.open',
      actor: fac,
      setId: setOf(state),
      durationMs: 600_000,
    });
    const plan = planBroadcast(state, after);
    expect(plan.public.patches.breakouts).toEqual({ open: after.breakouts.open, sets: [setOf(state)] });
  });

  it('gives a chat message to its readers only, one payload for all who read it', () => {
    const before = workshopWith(people);
    const { state: after } = exec(before, {
      type: 'chat.send',
      actor: pid('ben'),
      channel: { kind: 'facilitators', participantId: pid('ben') },
      text: 'my microphone is broken',
    });
    const plan = planBroadcast(before, after);
    expect(plan.chairs.chat.map((message) => message.text)).toEqual(['my microphone is broken']);
    expect(plan.public.chat).toEqual([]);
    expect(plan.personal.map((group) => group.participantIds)).toEqual([[pid('ben')]]);

    const plenary = exec(after, {
      type: 'chat.send',
      actor: pid('ana'),
      channel: { kind: 'room', roomId: after.plenaryRoomId },
      text: 'hello all',
    });
    const grouped = planBroadcast(after, plenary.state);
    expect(grouped.personal).toHaveLength(1);
    expect(grouped.personal[0]?.participantIds.sort()).toEqual([pid('ana'), pid('ben'), pid('obs')]);
  });

  it('sends every slice, as they now may see it, to someone whose role changed', () => {
    const before = workshopWith(people);
    const { state: after } = exec(before, {
      type: 'participant.setRole',
      actor: fac,
      participantId: pid('ben'),
      role: 'co-facilitator',
    });
    const plan = planBroadcast(before, after);
    const ben = plan.personal.find((group) => group.participantIds.includes(pid('ben')));
    expect(Object.keys(ben?.change.slices ?? {})).toContain('agenda');
    expect(ben?.change.patches.participants?.set[pid('ana')]?.email).toBe('ana@fj.example');
  });

  it('keeps every revision flowing, even when nothing visible changed', () => {
    const before = workshopWith(people);
    const { state: after } = exec(before, { type: 'queue.clear', actor: fac });
    const plan = planBroadcast(before, after);
    expect(plan.public.revision).toBe(before.revision + 1);
  });

  it('brings every participant’s view, change by change, to exactly their view of the state', () => {
    const steps: Array<(state: WorkshopState) => WorkshopCommand> = [
      () => ({ type: 'participant.updateProfile', actor: pid('ana'), organisation: 'Fiji Islands' }),
      () => ({ type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One', 'Two'] }),
      (s) => ({ type: 'breakouts.autoAssign', actor: fac, setId: setOf(s), strategy: 'random', seed: 3 }),
      (s) => ({
        type: 'breakouts.assign',
        actor: fac,
        setId: setOf(s),
        participantId: pid('ben'),
        roomId: roomsOf(s)[1] as never,
      }),
      () => ({ type: 'breakouts.createSet', actor: fac, name: 'H', roomNames: ['Three'] }),
      (s) => ({ type: 'breakouts.open', actor: fac, setId: setOf(s), durationMs: 600_000 }),
      () => ({ type: 'breakouts.requestHelp', actor: pid('ana'), message: 'stuck' }),
      (s) => ({
        type: 'chat.send',
        actor: pid('ben'),
        channel: { kind: 'room', roomId: roomsOf(s)[1] as never },
        text: 'hi',
      }),
      (s) => ({ type: 'chat.send', actor: fac, channel: { kind: 'room', roomId: s.plenaryRoomId }, text: 'all' }),
      () => ({
        type: 'chat.send',
        actor: pid('ben'),
        channel: { kind: 'facilitators', participantId: pid('ben') },
        text: 'psst',
      }),
      (s) => ({ type: 'breakouts.move', actor: fac, participantId: pid('ana'), roomId: otherRoom(s, 'ana') }),
      () => ({ type: 'poll.create', actor: fac, question: 'Lunch?', options: ['Yes', 'No'] }),
      (s) => ({ type: 'poll.open', actor: fac, pollId: pollOf(s) }),
      (s) => ({ type: 'poll.vote', actor: pid('ana'), pollId: pollOf(s), optionId: s.polls[0]?.options[0]?.id ?? '' }),
      (s) => ({ type: 'poll.vote', actor: pid('ben'), pollId: pollOf(s), optionId: s.polls[0]?.options[1]?.id ?? '' }),
      () => ({ type: 'proposal.put', actor: fac, text: 'Adopt the report' }),
      (s) => ({ type: 'proposal.respond', actor: pid('ana'), proposalId: s.proposals[0]?.id ?? '', response: 'agree' }),
      (s) => ({ type: 'breakouts.visit', actor: pid('obs'), roomId: roomsOf(s)[0] as never }),
      () => ({ type: 'participant.setRole', actor: fac, participantId: pid('ben'), role: 'co-facilitator' }),
      () => ({
        type: 'chat.send',
        actor: pid('ana'),
        channel: { kind: 'facilitators', participantId: pid('ana') },
        text: 'q',
      }),
      () => ({ type: 'participant.setRole', actor: fac, participantId: pid('ben'), role: 'delegate' }),
      () => ({ type: 'breakouts.visit', actor: pid('obs'), roomId: null }),
      () => ({ type: 'participant.disconnected', actor: SYSTEM, participantId: pid('ben') }),
      () => ({ type: 'participant.connected', actor: SYSTEM, participantId: pid('ben') }),
      () => ({ type: 'breakouts.close', actor: fac }),
      (s) => ({ type: 'breakouts.deleteSet', actor: fac, setId: s.breakouts.sets[1]?.id ?? '' }),
      () => ({ type: 'queue.raiseHand', actor: pid('ana'), kind: 'new-point' }),
    ];
    let state = workshopWith(people);
    const viewers = Object.keys(state.participants) as ParticipantId[];
    const views = new Map(viewers.map((id) => [id, liveView(state, id)]));
    for (const step of steps) {
      const command = step(state);
      const { state: after } = exec(state, command);
      const plan = planBroadcast(state, after);
      for (const id of viewers) {
        const next = applyChangeToView(views.get(id) as WorkshopView, delivered(plan, after, id));
        expect(next, `${id} after ${command.type}`).toEqual(liveView(after, id));
        views.set(id, next as WorkshopView);
      }
      state = after;
    }
  });
});
