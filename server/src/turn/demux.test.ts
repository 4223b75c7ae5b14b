import { describe, expect, it } from 'vitest';
import { classifyFirstBytes } from './demux.ts';

// A STUN Binding request header: type 0x0001, length 0, the magic cookie, a transaction id.
const stunHeader = Buffer.from('000100002112a442' + '0102030405060708090a0b0c', 'hex');

describe('classifyFirstBytes', () => {
  it('recognises a STUN message by its first two bits and magic cookie', () => {
    expect(classifyFirstBytes(stunHeader)).toBe('stun');
    expect(classifyFirstBytes(stunHeader.subarray(0, 8))).toBe('stun');
  });

  it('waits for eight bytes when the first could start a STUN message', () => {
    expect(classifyFirstBytes(Buffer.alloc(0))).toBe('undecided');
    expect(classifyFirstBytes(stunHeader.subarray(0, 5))).toBe('undecided');
  });

  it('sends HTTP (and anything else) on at once', () => {
    expect(classifyFirstBytes(Buffer.from('G'))).toBe('other');
    expect(classifyFirstBytes(Buffer.from('GET / HTTP/1.1\r\n'))).toBe('other');
    const wrongCookie = Buffer.from(stunHeader);
    wrongCookie.writeUInt32BE(0x12345678, 4);
    expect(classifyFirstBytes(wrongCookie)).toBe('other');
  });
});
