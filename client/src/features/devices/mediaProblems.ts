// What went wrong with a camera or microphone, as a kind the device check has a message for.
// Browsers reject getUserMedia with a DOMException whose name says why (Media Capture and Streams).

export type MediaProblem = 'not-found' | 'denied' | 'in-use' | 'insecure' | 'failed';
export type CheckedSource = 'camera' | 'mic';
export type SourceProblems = Partial<Record<CheckedSource, MediaProblem>>;

export function mediaProblemOf(error: unknown): MediaProblem {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'not-found';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotReadableError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'failed';
  }
}

/** One message to show: a problem and the device(s) it is about. */
export interface ProblemNotice {
  problem: MediaProblem;
  which: CheckedSource | 'both';
}

/** One message when camera and microphone fail the same way (one blocked prompt blocks both). */
export function problemNotices(problems: SourceProblems): ProblemNotice[] {
  const { camera, mic } = problems;
  if (camera && camera === mic) return [{ problem: camera, which: 'both' }];
  const notices: ProblemNotice[] = [];
  if (camera) notices.push({ problem: camera, which: 'camera' });
  if (mic) notices.push({ problem: mic, which: 'mic' });
  return notices;
}

export type BrowserFamily = 'chromium' | 'firefox' | 'safari' | 'other';

/** Whose settings to describe when access was blocked; guessed from the user agent, only for the hint. */
export function browserFamily(userAgent: string): BrowserFamily {
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/(Chrome|Chromium|Edg|OPR)\//.test(userAgent)) return 'chromium';
  if (/Safari\//.test(userAgent) && /Version\//.test(userAgent)) return 'safari';
  return 'other';
}
