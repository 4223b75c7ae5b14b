import type { ParticipantId, WorkshopId, WorkshopState } from '@plenary/shared';
import { SYSTEM_ACTOR, type WorkshopCommand } from '../domain/commands.ts';
import { createWorkshop, decide } from '../domain/workshop.ts';

const HOUR = 3_600_000;
/** 09:00 UTC on the first day; the workshop runs in UTC so dates are easy to read. */
const START = Date.UTC(2026, 2, 9, 9, 0);

export interface SampleOptions {
  days?: number;
  groups?: number;
  delegates?: number;
  organisations?: number;
}

/**
 * A realistic finished workshop, built through the domain as a real one would be: a facilitator,
 * delegates from many administrations, an agenda over several days, attendance, speeches, a
 * balanced breakout set, and proposals with their consensus checks. For export tests and benchmarks.
 */
export function sampleWorkshop(options: SampleOptions = {}): WorkshopState {
  const { days = 3, groups = 10, delegates = 70, organisations = 20 } = options;
  let state = createWorkshop({
    id: 'sample' as WorkshopId,
    title: 'Regional workshop on water resilience',
    timeZone: 'UTC',
  });
  const run = (command: WorkshopCommand, at: number) => {
    const result = decide(state, command, at);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    state = result.state;
  };
  const chair = 'chair' as ParticipantId;
  const people = Array.from({ length: delegates }, (_, index) => `d${index}` as ParticipantId);
  const register = (
    participantId: ParticipantId,
    name: string,
    organisation: string,
    role: 'facilitator' | 'delegate',
  ) =>
    run(
      {
        type: 'participant.register',
        actor: SYSTEM_ACTOR,
        participantId,
        name,
        organisation,
        country: organisation,
        role,
        language: 'en',
        timeZone: 'UTC',
      },
      START,
    );
  register(chair, 'Resource person', 'Secretariat', 'facilitator');
  run({ type: 'participant.connected', actor: SYSTEM_ACTOR, participantId: chair }, START);
  run({ type: 'workshop.updateSettings', actor: chair, lobbyEnabled: false }, START);
  for (const [index, id] of people.entries()) {
    register(id, `Delegate ${index + 1}`, `Administration ${(index % organisations) + 1}`, 'delegate');
  }

  run(
    {
      type: 'breakouts.createSet',
      actor: chair,
      name: 'Challenges, solutions and trends',
      roomNames: Array.from({ length: groups }, (_, i) => `Group ${i + 1}`),
    },
    START,
  );
  const setId = state.breakouts.sets[0]?.id as string;
  run({ type: 'breakouts.autoAssign', actor: chair, setId, strategy: 'balanced', seed: 2026 }, START);
  // Each group names a rapporteur, who records the group's findings; chairs accept every other group's.
  const set = state.breakouts.sets[0];
  for (const [index, room] of (set?.rooms ?? []).entries()) {
    const member = Object.entries(set?.assignments ?? {}).find(([, roomId]) => roomId === room.id)?.[0];
    if (!member) continue;
    const rapporteur = member as ParticipantId;
    run({ type: 'breakouts.setRapporteur', actor: chair, setId, roomId: room.id, participantId: rapporteur }, START);
    const findings = {
      challenges: [`Ageing infrastructure (group ${index + 1})`, 'Funding gaps'],
      solutions: ['Shared monitoring data'],
      trends: ['More frequent droughts'],
      proposals: [`Regional platform proposal ${index + 1}`],
    };
    for (const [section, items] of Object.entries(findings)) {
      run(
        { type: 'outcomes.edit', actor: rapporteur, roomId: room.id, section: section as keyof typeof findings, items },
        START,
      );
    }
    run({ type: 'outcomes.submit', actor: rapporteur, roomId: room.id }, START);
    if (index % 2 === 0) run({ type: 'outcomes.accept', actor: chair, roomId: room.id }, START);
  }

  for (let day = 0; day < days; day++) {
    const morning = START + day * 24 * HOUR;
    run(
      {
        type: 'agenda.addDay',
        actor: chair,
        date: new Date(morning).toISOString().slice(0, 10),
        title: `Day ${day + 1}`,
      },
      morning,
    );
    const dayId = state.days.at(-1)?.id as string;
    const items: Array<[string, string, number, 'plenary' | 'breakout' | 'report-back' | 'break']> = [
      ['Opening remarks', '09:00', 30, 'plenary'],
      ['Member presentations', '09:30', 90, 'plenary'],
      ['Break-out session', '11:00', 60, 'breakout'],
      ['Report-back', '12:00', 45, 'report-back'],
    ];
    for (const [title, start, durationMinutes, kind] of items) {
      run(
        {
          type: 'agenda.addItem',
          actor: chair,
          dayId,
          title,
          start,
          durationMinutes,
          kind,
          presenter: kind === 'plenary' ? 'Resource person' : null,
        },
        morning,
      );
    }
    const firstItem = state.agenda.find((item) => item.dayId === dayId)?.id as string;
    run({ type: 'agenda.startItem', actor: chair, itemId: firstItem }, morning);
    // Everyone but a few arrives; six people take the floor.
    for (const [index, id] of people.entries()) {
      if ((index + day) % 9 !== 0)
        run({ type: 'participant.connected', actor: SYSTEM_ACTOR, participantId: id }, morning + index * 1000);
    }
    for (let speaker = 0; speaker < 6; speaker++) {
      const id = people[(speaker * 11 + day) % people.length] as ParticipantId;
      if (!state.participants[id]?.connected) continue;
      run({ type: 'queue.raiseHand', actor: id, kind: 'new-point' }, morning + HOUR);
      run({ type: 'queue.giveFloor', actor: chair, durationMs: 180_000 }, morning + HOUR + speaker * 200_000);
      run({ type: 'queue.endTurn', actor: chair }, morning + HOUR + speaker * 200_000 + 150_000);
    }
    const fromRoomId = state.breakouts.sets[0]?.rooms[day]?.id;
    const text = `Proposal ${day + 1}: a regional data-sharing platform`;
    run({ type: 'proposal.put', actor: chair, text, fromRoomId }, morning + 3 * HOUR);
    const proposalId = state.proposals.at(-1)?.id as string;
    for (const [index, id] of people.entries()) {
      if (!state.participants[id]?.connected) continue;
      run(
        {
          type: 'proposal.respond',
          actor: id,
          proposalId,
          response: index % 13 === 0 && day === 1 ? 'object' : 'agree',
        },
        morning + 3 * HOUR,
      );
    }
    run({ type: 'proposal.close', actor: chair, proposalId }, morning + 3 * HOUR + 60_000);
    for (const id of people) {
      if (state.participants[id]?.connected)
        run({ type: 'participant.disconnected', actor: SYSTEM_ACTOR, participantId: id }, morning + 4 * HOUR);
    }
  }
  return state;
}
