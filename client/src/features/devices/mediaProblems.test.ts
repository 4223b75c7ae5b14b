import { describe, expect, it } from 'vitest';
import { browserFamily, mediaProblemOf, problemNotices } from './mediaProblems.ts';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('mediaProblemOf', () => {
  it.each([
    ['NotFoundError', 'not-found'],
    ['OverconstrainedError', 'not-found'],
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotReadableError', 'in-use'],
    ['AbortError', 'in-use'],
    ['TypeError', 'failed'],
  ])('%s → %s', (name, problem) => {
    expect(mediaProblemOf(domError(name))).toBe(problem);
  });

  it('copes with rejections that are not errors', () => {
    expect(mediaProblemOf(undefined)).toBe('failed');
    expect(mediaProblemOf('NotAllowedError')).toBe('failed');
    expect(mediaProblemOf({ name: 'NotAllowedError' })).toBe('denied');
  });
});

describe('problemNotices', () => {
  it('says it once when camera and microphone fail the same way', () => {
    expect(problemNotices({ camera: 'denied', mic: 'denied' })).toEqual([{ problem: 'denied', which: 'both' }]);
  });

  it('names each device when they fail differently, camera first', () => {
    expect(problemNotices({ mic: 'in-use', camera: 'not-found' })).toEqual([
      { problem: 'not-found', which: 'camera' },
      { problem: 'in-use', which: 'mic' },
    ]);
    expect(problemNotices({ mic: 'not-found' })).toEqual([{ problem: 'not-found', which: 'mic' }]);
    expect(problemNotices({})).toEqual([]);
  });
});

describe('browserFamily', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
      'chromium',
    ],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/138.0 Safari/537.36 Edg/138.0', 'chromium'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', 'firefox'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'safari',
    ],
    ['curl/8.0', 'other'],
  ])('%s', (agent, family) => {
    expect(browserFamily(agent)).toBe(family);
  });
});
