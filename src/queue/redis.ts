// Connections to Redis (ioredis). BullMQ's workers block on Redis and must retry for ever
// (`maxRetriesPerRequest: null`); the API's producer gives up after one reconnection or 5 s, so
// a request does not hang while Redis is away (it gets a 503 queue-unavailable).
import { Redis } from 'ioredis';

export type RedisRole = 'worker' | 'producer' | 'cli';

export function connect(url: string, role: RedisRole): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'producer' ? 1 : null,
    ...(role === 'producer' ? { commandTimeout: 5000 } : {}),
    // reconnect with a capped backoff (Redis restarting, a fail-over)
    retryStrategy: (times) => Math.min(100 * times, 2000),
    connectionName: `diplomatic-news-${role}`,
    // commands issued in one tick go out in one write (fewer syscalls per job)
    enableAutoPipelining: true,
  });
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(invalid url)';
  }
}
