import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../lib/storage.ts';
import { fakeJwt } from '../testing/workshop.ts';
import { Credentials, readInvite } from './credentials.ts';

describe('readInvite', () => {
  it('reads the workshop, the role and the expiry from the token payload', () => {
    const token = fakeJwt({ kind: 'invite', workshopId: 'ws-1', role: 'co-facilitator', exp: 1_800_000_000 });
    expect(readInvite(token)).toEqual({ workshopId: 'ws-1', role: 'co-facilitator', expiresAt: 1_800_000_000_000 });
  });

  it('reads payloads with non-ASCII text and base64url characters', () => {
    const token = fakeJwt({ kind: 'invite', workshopId: 'atelier-é?>', role: 'delegate' });
    expect(readInvite(token)?.workshopId).toBe('atelier-é?>');
  });

  it.each([
    ['an empty link', ''],
    ['a truncated token', 'eyJhbGciOiJIUzI1NiJ9'],
    ['garbage', 'a.%%%.c'],
    ['a participant token', fakeJwt({ kind: 'participant', workshopId: 'ws-1', participantId: 'p' })],
    ['an unknown role', fakeJwt({ kind: 'invite', workshopId: 'ws-1', role: 'king' })],
    ['no workshop', fakeJwt({ kind: 'invite', role: 'delegate' })],
  ])('refuses %s', (_label, token) => {
    expect(readInvite(token)).toBeNull();
  });
});

describe('Credentials', () => {
  it('keeps one participant token per workshop and forgets it on request', () => {
    const credentials = new Credentials(memoryStorage());
    credentials.saveParticipantToken('ws-1' as never, 'token-1');
    credentials.saveParticipantToken('ws-2' as never, 'token-2');
    credentials.forgetParticipantToken('ws-2' as never);
    expect(credentials.participantToken('ws-1' as never)).toBe('token-1');
    expect(credentials.participantToken('ws-2' as never)).toBeNull();
  });

  it('remembers name, organisation and country, and nothing else', () => {
    const storage = memoryStorage();
    const credentials = new Credentials(storage);
    expect(credentials.profile()).toEqual({ name: '', organisation: '', country: '' });
    credentials.rememberProfile({ name: 'Ana', organisation: 'Ministry', country: 'Fiji', email: 'a@b.c' } as never);
    expect(new Credentials(storage).profile()).toEqual({ name: 'Ana', organisation: 'Ministry', country: 'Fiji' });
    expect(storage.getItem('plenary.profile')).not.toContain('a@b.c');
  });

  it('copes with a damaged stored profile', () => {
    const storage = memoryStorage();
    storage.setItem('plenary.profile', '{not json');
    expect(new Credentials(storage).profile()).toEqual({ name: '', organisation: '', country: '' });
    storage.setItem('plenary.profile', JSON.stringify({ name: 42, organisation: 'Org' }));
    expect(new Credentials(storage).profile()).toEqual({ name: '', organisation: 'Org', country: '' });
  });
});
