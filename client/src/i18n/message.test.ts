import { describe, expect, it } from 'vitest';
import { englishOf } from '../testing/english.ts';
import { failureKey, hasServerDetail } from './message.ts';

describe('messages', () => {
  it('words a failure by its code, and a code it does not know as a plain refusal', () => {
    expect(failureKey('conflict')).toBe('code.conflict');
    expect(failureKey('unreachable')).toBe('code.unreachable');
    expect(failureKey('teapot')).toBe('code.unknown');
    expect(englishOf({ error: { code: 'teapot', message: '' } })).toBe('The server refused this.');
  });

  it("keeps the server's own sentence as a detail, and not the ones this client made up", () => {
    expect(hasServerDetail({ code: 'conflict', message: 'close the breakout rooms first' })).toBe(true);
    expect(hasServerDetail({ code: 'too_large', message: 'the file is larger than 50 MB' })).toBe(true);
    expect(hasServerDetail({ code: 'conflict', message: '' })).toBe(false);
    expect(hasServerDetail({ code: 'disconnected', message: 'Not connected to the server.' })).toBe(false);
    expect(englishOf({ error: { code: 'conflict', message: 'close the breakout rooms first' } })).toBe(
      'That cannot be done right now. Server: close the breakout rooms first',
    );
  });

  it('fills in values, words values that are keys themselves, and puts the failure in {{reason}}', () => {
    expect(englishOf({ key: 'moderation.mute', values: { name: 'Fay' } })).toBe('Fay muted your microphone.');
    expect(englishOf({ key: 'moderation.mute', values: { name: { key: 'moderation.aFacilitator' } } })).toBe(
      'A facilitator muted your microphone.',
    );
    expect(englishOf({ key: 'join.refused', error: { code: 'timeout', message: 'late' } })).toBe(
      'You could not join the workshop. The server did not answer in time. Try again.',
    );
  });
});
