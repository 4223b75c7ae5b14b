import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue } from './serialQueue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedSerialQueue', () => {
  it('runs tasks of one key strictly in order, even when an earlier one is slower', async () => {
    const queue = new KeyedSerialQueue<string>();
    const order: string[] = [];
    const slow = queue.run('room', async () => {
      await tick();
      await tick();
      order.push('first');
    });
    const fast = queue.run('room', () => {
      order.push('second');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['first', 'second']);
  });

  it('lets different keys overlap', async () => {
    const queue = new KeyedSerialQueue<string>();
    const order: string[] = [];
    const a = queue.run('a', async () => {
      await tick();
      order.push('a');
    });
    const b = queue.run('b', () => {
      order.push('b');
    });
    await Promise.all([a, b]);
    expect(order).toEqual(['b', 'a']);
  });

  it('keeps going after a failed task and reports the failure to its caller only', async () => {
    const queue = new KeyedSerialQueue<string>();
    const failed = queue.run('room', () => {
      throw new Error('boom');
    });
    const next = queue.run('room', () => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });

  it('forgets keys once their queue drains', async () => {
    const queue = new KeyedSerialQueue<number>();
    await Promise.all([1, 2, 3].map((key) => queue.run(key, tick)));
    await tick();
    expect(queue.pendingKeys).toBe(0);
  });
});
