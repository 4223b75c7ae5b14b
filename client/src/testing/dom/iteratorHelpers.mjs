// ES2025 iterator helpers (`Iterator`, `iterator.map/filter/find/…`), which Node 22 has and Node 20
// lacks, as source text: it is run in every realm jsdom makes, not only this one. Lazy helpers are
// generators, whose objects inherit the helpers in turn. Only what jsdom needs: no argument checks.
export const iteratorHelpersSource = `(() => {
  if (typeof globalThis.Iterator === 'function') return;
  const proto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  function Iterator() {}
  Iterator.prototype = proto;
  Iterator.from = (value) => {
    const iterator = typeof value[Symbol.iterator] === 'function' ? value[Symbol.iterator]() : value;
    if (proto.isPrototypeOf(iterator)) return iterator;
    return (function* () { yield* { [Symbol.iterator]: () => iterator }; })();
  };
  const define = (name, method) =>
    Object.defineProperty(proto, name, { value: method, writable: true, configurable: true });
  define('map', function* (fn) { let i = 0; for (const v of this) yield fn(v, i++); });
  define('filter', function* (fn) { let i = 0; for (const v of this) if (fn(v, i++)) yield v; });
  define('flatMap', function* (fn) { let i = 0; for (const v of this) yield* fn(v, i++); });
  define('take', function* (n) { if (n <= 0) return; let i = 0; for (const v of this) { yield v; if (++i >= n) return; } });
  define('drop', function* (n) { let i = 0; for (const v of this) if (i++ >= n) yield v; });
  define('toArray', function () { return [...this]; });
  define('forEach', function (fn) { let i = 0; for (const v of this) fn(v, i++); });
  define('some', function (fn) { let i = 0; for (const v of this) if (fn(v, i++)) return true; return false; });
  define('every', function (fn) { let i = 0; for (const v of this) if (!fn(v, i++)) return false; return true; });
  define('find', function (fn) { let i = 0; for (const v of this) if (fn(v, i++)) return v; return undefined; });
  define('reduce', function (fn, ...initial) {
    let i = 0;
    let started = initial.length > 0;
    let acc = initial[0];
    for (const v of this) {
      if (started) acc = fn(acc, v, i);
      else { acc = v; started = true; }
      i++;
    }
    if (!started) throw new TypeError('Reduce of empty iterator with no initial value');
    return acc;
  });
  Object.defineProperty(globalThis, 'Iterator', { value: Iterator, writable: true, configurable: true });
})();`;
