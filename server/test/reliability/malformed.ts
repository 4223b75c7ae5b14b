// A seeded generator of malformed payloads: each starts from a valid template and breaks it one way
// (wrong type, huge string, deep nesting, unknown or prototype-polluting keys, a missing field, a
// payload that is not an object at all). What reaches the server is what `wireForm` returns.
import type { Random } from './support.ts';

/** Under Socket.IO's 100 KB frame cap (Plenary's maxHttpBufferSize) with the rest of the packet. */
export const MAX_HUGE_STRING = 90_000;
export const FRAME_CAP_BYTES = 100_000;

export type Mutation =
  | 'wrong-type'
  | 'huge-string'
  | 'deep-nesting'
  | 'unknown-field'
  | 'prototype-key'
  | 'missing-field'
  | 'not-an-object'
  | 'wrong-discriminant';

const WEIGHTS: ReadonlyArray<[Mutation, number]> = [
  ['wrong-type', 30],
  ['huge-string', 3],
  ['deep-nesting', 4],
  ['unknown-field', 15],
  ['prototype-key', 12],
  ['missing-field', 15],
  ['not-an-object', 8],
  ['wrong-discriminant', 8],
];

const ODD_VALUES: readonly unknown[] = [
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  -(2 ** 31),
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'x',
  '\u0000',
  '\u202e\u0007bell',
  '\ud800',
  '🙂'.repeat(40),
  '<script>alert(1)</script>',
  "'; DROP TABLE workshops; --",
  '../../etc/passwd',
  true,
  false,
  null,
  [],
  {},
  [1, 'two', null],
  { nested: { value: 1 } },
  new Uint8Array([1, 2, 3]),
];

const UNKNOWN_KEYS = ['extra', 'actor', 'revision', 'role', 'isAdmin', 'participantId', 'then', 'toJSON', 'valueOf'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

type Path = Array<string | number>;

export interface MalformedPayload {
  mutation: Mutation;
  payload: unknown;
}

export function malform(random: Random, template: unknown, otherTypes: readonly string[]): MalformedPayload {
  const mutation = weighted(random);
  const root = clone(template);
  switch (mutation) {
    case 'wrong-type':
      return { mutation, payload: setAt(root, pickPath(random, root, 'any'), random.pick(ODD_VALUES)) };
    case 'huge-string':
      return { mutation, payload: setAt(root, pickPath(random, root, 'any'), hugeString(random)) };
    case 'deep-nesting':
      return { mutation, payload: setAt(root, pickPath(random, root, 'any'), deeplyNested(random)) };
    case 'unknown-field': {
      const path = pickPath(random, root, 'object');
      const key = random.pick(UNKNOWN_KEYS);
      return { mutation, payload: setAt(root, [...path, key], random.pick(ODD_VALUES)) };
    }
    case 'prototype-key': {
      const path = pickPath(random, root, 'object');
      const polluting = JSON.parse(
        `{"${random.pick(PROTO_KEYS)}": {"polluted": true, "prototype": {"polluted": true}}}`,
      );
      const target = getAt(root, path);
      if (isObject(target)) {
        for (const key of Object.keys(polluting)) ownSet(target, key, polluting[key]);
        return { mutation, payload: root };
      }
      return { mutation, payload: polluting };
    }
    case 'missing-field': {
      const paths = allPaths(root).filter((path) => path.length > 0);
      if (paths.length === 0) return { mutation, payload: undefined };
      const path = random.pick(paths);
      const parent = getAt(root, path.slice(0, -1));
      const key = path.at(-1) as string | number;
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else if (isObject(parent)) delete parent[key as string];
      return { mutation, payload: root };
    }
    case 'not-an-object':
      return { mutation, payload: random.pick([...ODD_VALUES, undefined, [root], JSON.stringify(root)]) };
    case 'wrong-discriminant': {
      if (!isObject(root) || !('type' in root) || otherTypes.length === 0) {
        return { mutation, payload: setAt(root, ['type'], random.pick(ODD_VALUES)) };
      }
      const type = random.chance(0.7)
        ? random.pick(otherTypes)
        : `${String(root.type)}${random.pick(['s', ' ', '.x'])}`;
      return { mutation, payload: setAt(root, ['type'], type) };
    }
  }
}

/**
 * The payload as the server will see it: JSON's rules (no undefined, NaN becomes null) except that
 * binary stays binary. Socket.IO rebuilds a payload holding binary key by key, so there an own
 * `__proto__` key is lost on the way; it is dropped here too.
 */
export function wireForm(value: unknown): unknown {
  if (!containsBinary(value)) {
    // JSON itself, which also copes with nesting deeper than a recursive copy's stack would.
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  }
  return toWire(value, true);
}

function toWire(value: unknown, binary: boolean): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toWire(item, binary)));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || (binary && key === '__proto__')) continue;
      ownSet(out, key, toWire(item, binary));
    }
    return out;
  }
  return undefined;
}

function containsBinary(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Uint8Array) return true;
    if (item && typeof item === 'object') stack.push(...Object.values(item));
  }
  return false;
}

/** A string over the frame cap, to send once: the connection must be dropped, nothing else. */
export const oversizeString = (): string => 'x'.repeat(FRAME_CAP_BYTES + 1_000);

function weighted(random: Random): Mutation {
  const total = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [mutation, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return mutation;
  }
  return 'wrong-type';
}

/** Long, yet (JSON-escaped, in the packet) still under the frame cap. */
function hugeString(random: Random): string {
  const length = random.int(10_000, MAX_HUGE_STRING);
  // A newline costs two characters once escaped: six per five-character piece.
  return random.chance(0.5) ? 'a'.repeat(length) : 'Ab1 \n'.repeat(Math.floor(length / 6));
}

/** Arrays or objects nested up to two thousand deep, built without recursion. */
function deeplyNested(random: Random): unknown {
  const depth = random.int(20, 2_000);
  const asArrays = random.chance(0.5);
  const text = asArrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return JSON.parse(text);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** Defines an own property even for `__proto__`, which plain assignment would treat as the prototype. */
function ownSet(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(value: unknown): unknown {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) ownSet(out, key, clone(value[key]));
    return out;
  }
  return value;
}

function allPaths(root: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(root)) {
    for (const [index, item] of root.entries()) paths.push(...allPaths(item, [...prefix, index]));
  } else if (isObject(root)) for (const key of Object.keys(root)) paths.push(...allPaths(root[key], [...prefix, key]));
  return paths;
}

function pickPath(random: Random, root: unknown, kind: 'any' | 'object'): Path {
  const paths = allPaths(root).filter((path) => kind === 'any' || isObject(getAt(root, path)));
  return paths.length > 0 ? random.pick(paths) : [];
}

function getAt(root: unknown, path: Path): unknown {
  let at = root;
  for (const key of path) at = (at as Record<string | number, unknown> | undefined)?.[key];
  return at;
}

/** Sets the value at the path (the root itself for an empty path); returns the new root. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  const key = path.at(-1) as string | number;
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else if (isObject(parent)) ownSet(parent, String(key), value);
  else return value;
  return root;
}
