import { Command, PROTOCOL_VERSION } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { type AckChannel, createRequester, RequestFailed, unwrap } from './request.ts';

function channel(answer: (command: string, payload: unknown, timeoutMs: number) => Promise<unknown>, connected = true) {
  const calls: { command: string; payload: unknown; timeoutMs: number }[] = [];
  const fake: AckChannel = {
    connected,
    emitWithAck: (command, payload, timeoutMs) => {
      calls.push({ command, payload, timeoutMs });
      return answer(command, payload, timeoutMs);
    },
  };
  return { fake, calls };
}

const join = {
  protocolVersion: PROTOCOL_VERSION,
  credential: { kind: 'participant' as const, token: 'a-participant-token-long-enough' },
};

describe('request()', () => {
  it('sends the command and payload with the configured timeout and returns the data', async () => {
    const { fake, calls } = channel(async () => ({ ok: true, data: { producerId: 'p1' } }));
    const request = createRequester(fake, { timeoutMs: 1234 });
    const reply = await request(Command.mediaCloseProducer, { producerId: 'p1' as never });
    expect(reply).toEqual({ ok: true, data: { producerId: 'p1' } });
    expect(calls).toEqual([{ command: 'media:closeProducer', payload: { producerId: 'p1' }, timeoutMs: 1234 }]);
  });

  it("passes the server's refusal through with its code and message", async () => {
    const { fake } = channel(async () => ({
      ok: false,
      error: { code: 'incompatible_protocol', message: 'This page is out of date. Reload it.' },
    }));
    const reply = await createRequester(fake)(Command.sessionJoin, join);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'incompatible_protocol', message: 'This page is out of date. Reload it.' },
    });
  });

  it("maps socket.io's ack timeout to a `timeout` error", async () => {
    const { fake } = channel(() => Promise.reject(new Error('operation has timed out')));
    const reply = await createRequester(fake)(Command.sessionJoin, join);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('timeout');
  });

  it('maps a connection lost while waiting to `disconnected`', async () => {
    const { fake } = channel(() => Promise.reject(new Error('socket has been disconnected')));
    const reply = await createRequester(fake)(Command.sessionJoin, join);
    expect(!reply.ok && reply.error.code).toBe('disconnected');
  });

  it('fails at once, without sending, when the socket is not connected', async () => {
    const { fake, calls } = channel(async () => ({ ok: true, data: {} }), false);
    const reply = await createRequester(fake)(Command.sessionLeave, {});
    expect(!reply.ok && reply.error.code).toBe('disconnected');
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['nothing', undefined],
    ['a bare value', 'ok'],
    ['ok without data', { ok: true }],
    ['an error without details', { ok: false }],
  ])('reports an unreadable answer (%s) as `bad_reply`', async (_label, answer) => {
    const { fake } = channel(async () => answer);
    const reply = await createRequester(fake)(Command.sessionLeave, {});
    expect(!reply.ok && reply.error.code).toBe('bad_reply');
  });

  it('keeps a refusal readable when the server sends an unknown code or no message', async () => {
    const { fake } = channel(async () => ({ ok: false, error: { code: 'teapot' } }));
    const reply = await createRequester(fake)(Command.sessionLeave, {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'The server refused session:leave.' } });
  });
});

describe('unwrap()', () => {
  it('returns the data of a success and throws a RequestFailed carrying the code otherwise', () => {
    expect(unwrap({ ok: true, data: 42 })).toBe(42);
    const failing = () => unwrap({ ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(failing).toThrow(RequestFailed);
    expect(failing).toThrow('no');
    try {
      failing();
    } catch (error) {
      expect((error as RequestFailed).code).toBe('forbidden');
    }
  });
});
