// The lock by which the pool's worker threads start one at a time (src/service/load-lock.ts).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { acquireLoadLock, createLoadLock, releaseLoadLock } from '../../src/service/load-lock.js';
import { createPoolService } from '../../src/service/pool.js';

/** A thread that holds the lock for `ms`, then releases it as releaseLoadLock does. */
function holder(lock: Int32Array, ms: number): Promise<void> {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const lock = workerData;
    if (Atomics.compareExchange(lock, 0, 0, 1) !== 0) throw new Error('lock not free');
    parentPort.postMessage('held');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    Atomics.store(lock, 0, 0);
    Atomics.notify(lock, 0, 1);`;
  const w = new Worker(code, { eval: true, workerData: lock });
  return new Promise((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  });
}

describe('load lock', () => {
  it('a free lock is taken at once and released', () => {
    const lock = createLoadLock();
    expect(acquireLoadLock(lock)).toBe(true);
    expect(Atomics.load(lock, 0)).toBe(1);
    releaseLoadLock(lock, true);
    expect(Atomics.load(lock, 0)).toBe(0);
  });

  it('waits while another thread holds it, and takes it when released', async () => {
    const lock = createLoadLock();
    await holder(lock, 300);
    const t0 = performance.now();
    expect(acquireLoadLock(lock, 10_000)).toBe(true);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(150);
    releaseLoadLock(lock, true);
  });

  it('does not wait for ever on a holder that never releases it', () => {
    const lock = createLoadLock();
    Atomics.store(lock, 0, 1); // held by a thread that is gone
    const t0 = performance.now();
    expect(acquireLoadLock(lock, 100)).toBe(false);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(95);
    releaseLoadLock(lock, false); // not held: leaves the lock as it is
    expect(Atomics.load(lock, 0)).toBe(1);
  });

  it('without a lock nothing waits', () => {
    expect(acquireLoadLock(undefined)).toBe(false);
  });

  it('a pool of two threads is ready with the first and extracts on both', async () => {
    const service = createPoolService({ workers: 2, timeoutMs: 30_000, maxQueue: 10 });
    try {
      await service.start();
      expect(service.ready).toBe(true);
      const outs = await Promise.all([1, 2, 3, 4].map(() => service.extract({ text: 'Pompeo met Putin in Sochi.', language: 'en' })));
      for (const out of outs) expect(out.participants.length).toBeGreaterThan(0);
      expect(service.stats().workers).toBe(2);
    } finally {
      await service.close();
    }
  }, 60_000);
});
