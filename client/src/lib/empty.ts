/** One shared empty list, so a selector's fallback is the same value on every call (no re-render loops). */
export const EMPTY: readonly never[] = Object.freeze([]);

export const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze({});
