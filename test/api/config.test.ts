import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('runs with no configuration at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, LOG_LEVEL: 'info', BODY_LIMIT: 2 * 1024 * 1024, BATCH_MAX: 100, API_KEYS: [], RATE_LIMIT_PER_MINUTE: 0, EXTRACT_TIMEOUT_MS: 10_000, CORS_ORIGINS: [], LOG_ARTICLE_TEXT: false });
    expect(c.WORKERS).toBe(availableParallelism());
    expect(c.KB_DIR).toBeUndefined();
  });

  it('parses sizes, lists and booleans', () => {
    const c = loadConfig({ BODY_LIMIT: '512KiB', API_KEYS: ' a, b ,,c', LOG_ARTICLE_TEXT: 'TRUE', WORKERS: '0', MAX_RSS_BYTES: '1.5GiB', CORS_ORIGINS: '*' });
    expect(c.BODY_LIMIT).toBe(512 * 1024);
    expect(c.API_KEYS).toEqual(['a', 'b', 'c']);
    expect(c.LOG_ARTICLE_TEXT).toBe(true);
    expect(c.WORKERS).toBe(0);
    expect(c.MAX_RSS_BYTES).toBe(1.5 * 1024 ** 3);
    expect(c.CORS_ORIGINS).toEqual(['*']);
  });

  it('OUTPUT_CHECK_RATE is a fraction from 0 to 1 (a sampled share of results checked by zod; default 1 in 100)', () => {
    expect(loadConfig({}).OUTPUT_CHECK_RATE).toBe(0.01);
    for (const [v, n] of [['0', 0], ['1', 1], ['0.25', 0.25], ['.5', 0.5], ['1.0', 1]] as const) expect(loadConfig({ OUTPUT_CHECK_RATE: v }).OUTPUT_CHECK_RATE).toBe(n);
    for (const v of ['2', '-0.1', '1.5', 'all', '1e-3']) expect(() => loadConfig({ OUTPUT_CHECK_RATE: v })).toThrow(/^invalid configuration: OUTPUT_CHECK_RATE:/);
  });

  it("HEAP_GROWTH_PERCENT is V8's heap growing factor for every thread, 0-100 (default 30; 0 = V8's own)", () => {
    expect(loadConfig({}).HEAP_GROWTH_PERCENT).toBe(30);
    for (const [v, n] of [['0', 0], ['15', 15], ['100', 100]] as const) expect(loadConfig({ HEAP_GROWTH_PERCENT: v }).HEAP_GROWTH_PERCENT).toBe(n);
    for (const v of ['-1', '101', '2.5', 'small']) expect(() => loadConfig({ HEAP_GROWTH_PERCENT: v })).toThrow(/^invalid configuration: HEAP_GROWTH_PERCENT:/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['BODY_LIMIT', '2 parsecs'],
    ['BATCH_MAX', '0'],
    ['WORKERS', '-1'],
    ['LOG_ARTICLE_TEXT', 'maybe'],
    ['EXTRACT_TIMEOUT_MS', '1.5'],
  ])('a bad %s=%s stops start-up with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^invalid configuration: ${name}:`));
  });

  it('an empty variable means its default', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
