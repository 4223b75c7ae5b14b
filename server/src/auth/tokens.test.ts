import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParticipantId, WorkshopId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { TokenService } from './tokens.ts';

const workshop = 'w1' as WorkshopId;

describe('TokenService', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-tokens-'));
  const tokens = TokenService.fromDataDir(dir);

  it('round-trips an invite and a participant token', async () => {
    const invite = await tokens.issueInvite(workshop, 'delegate', 60);
    expect(await tokens.verifyInvite(invite)).toEqual({ workshopId: 'w1', role: 'delegate' });
    const participant = await tokens.issueParticipant(workshop, 'p1' as ParticipantId);
    expect(await tokens.verifyParticipant(participant)).toEqual({ workshopId: 'w1', participantId: 'p1' });
  });

  it('keeps its secret across restarts, so links stay valid', async () => {
    const invite = await tokens.issueInvite(workshop, 'observer', 60);
    expect(await TokenService.fromDataDir(dir).verifyInvite(invite)).toMatchObject({ role: 'observer' });
  });

  it('refuses tampered, foreign, expired and mismatched tokens', async () => {
    const invite = await tokens.issueInvite(workshop, 'delegate', 60);
    const [header, , signature] = invite.split('.');
    const forged = Buffer.from(
      JSON.stringify({ kind: 'invite', workshopId: 'w1', role: 'facilitator', iss: 'plenary' }),
    );
    await expect(tokens.verifyInvite(`${header}.${forged.toString('base64url')}.${signature}`)).rejects.toThrow(
      'not valid',
    );
    const foreign = TokenService.fromDataDir(mkdtempSync(join(tmpdir(), 'plenary-tokens-')));
    await expect(foreign.verifyInvite(invite)).rejects.toThrow('not valid');
    await expect(tokens.verifyInvite('garbage')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(tokens.verifyParticipant(invite)).rejects.toThrow('not a participant token');
    const expired = await tokens.issueInvite(workshop, 'delegate', -10);
    await expect(tokens.verifyInvite(expired)).rejects.toThrow('expired');
  });
});
