/** Cursor colours that read on the dark theme; y-prosemirror wants `#rrggbb`. */
const COLOURS = ['#ee6352', '#59cd90', '#3fa7d6', '#fac05e', '#f79d84', '#b388eb', '#4ecdc4', '#ff8fab'] as const;

/** The same colour for the same person on every screen. */
export function userColour(participantId: string): string {
  let hash = 0;
  for (const char of participantId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLOURS[hash % COLOURS.length] ?? COLOURS[0];
}
