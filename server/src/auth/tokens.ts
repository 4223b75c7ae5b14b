import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParticipantId, WorkshopId } from '@plenary/shared';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { CommandError } from '../errors.ts';

const ISSUER = 'plenary';
/** A participant token lets a person come back (another tab, a network drop) as themselves. */
const PARTICIPANT_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 30;

const InviteClaimsSchema = z.object({ kind: z.literal('invite'), workshopId: z.string(), role: z.string() });
const ParticipantClaimsSchema = z.object({
  kind: z.literal('participant'),
  workshopId: z.string(),
  participantId: z.string(),
});

export interface InviteClaims {
  workshopId: WorkshopId;
  role: string;
}
export interface ParticipantClaims {
  workshopId: WorkshopId;
  participantId: ParticipantId;
}

/**
 * Signs and checks the tokens in invite links and the ones that identify a returning participant
 * (HS256 with a secret kept in the data directory, created on first start).
 */
export class TokenService {
  constructor(private readonly secret: Uint8Array) {}

  /** A secret given in the configuration: every server node of a deployment signs with the same one. */
  static fromSecret(secret: string): TokenService {
    return new TokenService(Buffer.from(secret, 'utf8'));
  }

  static fromDataDir(dataDir: string): TokenService {
    const file = join(dataDir, 'token-secret');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return new TokenService(Buffer.from(readFileSync(file, 'utf8'), 'base64'));
  }

  issueInvite(workshopId: WorkshopId, role: string, ttlSeconds: number): Promise<string> {
    return this.sign({ kind: 'invite', workshopId, role }, ttlSeconds);
  }

  issueParticipant(workshopId: WorkshopId, participantId: ParticipantId): Promise<string> {
    return this.sign({ kind: 'participant', workshopId, participantId }, PARTICIPANT_TOKEN_TTL_SECONDS);
  }

  async verifyInvite(token: string): Promise<InviteClaims> {
    const claims = InviteClaimsSchema.safeParse(await this.verify(token));
    if (!claims.success) throw new CommandError('forbidden', 'this is not an invitation link');
    return { workshopId: claims.data.workshopId as WorkshopId, role: claims.data.role };
  }

  async verifyParticipant(token: string): Promise<ParticipantClaims> {
    const claims = ParticipantClaimsSchema.safeParse(await this.verify(token));
    if (!claims.success) throw new CommandError('forbidden', 'this is not a participant token');
    return {
      workshopId: claims.data.workshopId as WorkshopId,
      participantId: claims.data.participantId as ParticipantId,
    };
  }

  private sign(claims: Record<string, string>, ttlSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.secret);
  }

  private async verify(token: string): Promise<unknown> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'] });
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new CommandError('forbidden', 'this link has expired');
      throw new CommandError('forbidden', 'this link is not valid');
    }
  }
}
