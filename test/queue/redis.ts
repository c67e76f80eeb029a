// A real Redis for the queue tests: TEST_REDIS_URL (CI starts one, see .ci/run), else a
// redis-server this process starts on a free loopback port with a temp dir, else none: the
// tests skip with a loud message, or fail under CI / REQUIRE_REDIS=1. Never a mock.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export const REQUIRED = process.env.REQUIRE_REDIS === '1' || !!process.env.CI;

export function redisServerBinary(): string | undefined {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    try {
      execFileSync(p, ['--version'], { stdio: 'ignore' });
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPing(url: string, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {}); // refused while it starts: answered by connect() below
    try {
      await r.connect();
      if ((await r.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      r.disconnect();
    }
    if (Date.now() - t0 > ms) throw new Error(`redis at ${url} did not answer within ${ms} ms`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** A redis-server of our own; `restart` stops it (SIGKILL or a clean SHUTDOWN) and starts it again on the same port and dir. */
export class RedisServer {
  private proc?: ChildProcess;
  readonly url: string;
  constructor(
    readonly bin: string,
    readonly port: number,
    readonly dir: string,
    private args: string[] = ['--save', '', '--appendonly', 'no'],
  ) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(args?: string[]): Promise<RedisServer> {
    const bin = redisServerBinary();
    if (!bin) throw new Error('redis-server not found (apt-get install -y redis-server)');
    const server = new RedisServer(bin, await freePort(), mkdtempSync(join(tmpdir(), 'dnx-redis-')), args);
    await server.up();
    return server;
  }

  async up(args = this.args): Promise<void> {
    this.args = args;
    this.proc = spawn(this.bin, ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--protected-mode', 'no', ...args], { stdio: 'ignore' });
    await waitForPing(this.url);
  }

  async down(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
  }

  async restart(signal: 'SIGKILL' | 'SIGTERM', args = this.args): Promise<void> {
    await this.down(signal);
    await this.up(args);
  }

  async stop(): Promise<void> {
    await this.down('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** The Redis the tests use, or undefined (after saying so loudly) when none can be had outside CI. */
export async function testRedis(): Promise<TestRedis | undefined> {
  const given = process.env.TEST_REDIS_URL;
  if (given) {
    await waitForPing(given);
    return { url: given, stop: async () => {} };
  }
  if (!redisServerBinary()) {
    const msg = 'queue tests: no Redis (set TEST_REDIS_URL, or apt-get install -y redis-server)';
    if (REQUIRED) throw new Error(`${msg}; REQUIRE_REDIS/CI is set, so this fails instead of skipping`);
    process.stderr.write(`\n*** SKIPPED: ${msg} ***\n\n`);
    return undefined;
  }
  const server = await RedisServer.start();
  return { url: server.url, stop: () => server.stop() };
}

/** A queue name no other test file (or run) uses on a shared Redis. */
export const uniqueQueue = (what: string) => `test-${what}-${process.pid}-${Date.now().toString(36)}`;
