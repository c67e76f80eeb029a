// The pool's worker threads load the knowledge base one at a time. Loading together on a machine
// with as many cores as threads, they share the cores with each other and with the main thread's
// own start-up, and the first of them — the one the service waits for — is ready only about when
// they all are. In turn, the first is ready sooner (on 2 cores, ready 1.84–2.34 s after
// `node dist/server.js` -> 1.59–1.98 s, 8 starts each) and the others load while the service
// already answers. A thread that holds the lock longer than WAIT_MS (stuck, or gone without
// releasing it) does not hold the others back: they load anyway.

const WAIT_MS = 5000;
const FREE = 0;
const HELD = 1;

/** A new lock for a pool's threads (passed in their workerData). */
export function createLoadLock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Blocks this thread until it holds the lock (true), or until `waitMs` have passed (false). */
export function acquireLoadLock(lock: Int32Array | undefined, waitMs = WAIT_MS): boolean {
  if (!lock) return false;
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (Atomics.compareExchange(lock, 0, FREE, HELD) === FREE) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(lock, 0, HELD, left);
  }
}

/** Lets the next thread start (`held`: what acquireLoadLock returned). */
export function releaseLoadLock(lock: Int32Array | undefined, held: boolean): void {
  if (!lock || !held) return;
  Atomics.store(lock, 0, FREE);
  Atomics.notify(lock, 0, 1);
}
