// application/json with duplicate keys rejected. JSON.parse keeps the last of two equal keys
// ("last wins"), so `{"text":"public","text":"embargoed"}` would be read differently by us and
// by a proxy or logger in front of us that keeps the first. We refuse such a body with
// 400 malformed-body and a pointer to the repeated key, instead of guessing.
//
// The check runs after the body parsed (so it only ever sees valid JSON), in one pass over the
// text: strings are skipped with indexOf, every object keeps a Set of its keys, keys with
// escapes are decoded (so "a" and "\u0061" are the same key). No recursion: 50,000 nested
// brackets are 50,000 small frames on an array.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError, toPointer } from '../errors.js';
import { checkUtf8Only, decodeUtf8 } from './charset.js';

type Frame = { obj: true; keys: Set<string> | undefined; key: string | undefined } | { obj: false; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_KEY_IN_POINTER = 100;

/** Index of the quote that closes the string opened at `open`, in valid JSON. */
function stringEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  for (;;) {
    let b = 0;
    for (let k = q - 1; text.charCodeAt(k) === BACKSLASH; k--) b++;
    if (b % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
}

/**
 * The path to the first repeated object key of `text` (valid JSON), or undefined when every
 * object's keys are distinct. Linear in the length of the text.
 */
export function findDuplicateKey(text: string): PropertyKey[] | undefined {
  if (text.indexOf('{') === -1) return undefined;
  const stack: Frame[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x7b: // {
        stack.push({ obj: true, keys: undefined, key: undefined });
        expectKey = true;
        break;
      case 0x5b: // [
        stack.push({ obj: false, index: 0 });
        expectKey = false;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        expectKey = false;
        break;
      case 0x2c: {
        // ,
        const top = stack[stack.length - 1];
        if (top?.obj) expectKey = true;
        else if (top) top.index++;
        break;
      }
      case QUOTE: {
        const end = stringEnd(text, i);
        if (expectKey) {
          const top = stack[stack.length - 1] as Extract<Frame, { obj: true }>;
          const raw = text.slice(i + 1, end);
          const key = raw.indexOf('\\') === -1 ? raw : (JSON.parse(text.slice(i, end + 1)) as string);
          top.keys ??= new Set();
          if (top.keys.has(key)) return [...pathOf(stack.slice(0, -1)), key];
          top.keys.add(key);
          top.key = key;
          expectKey = false;
        }
        i = end;
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

function pathOf(frames: Frame[]): PropertyKey[] {
  return frames.map((f) => (f.obj ? (f.key ?? '') : f.index));
}

/** The 400 for a body (or NDJSON line) with a repeated key. */
export function duplicateKeyProblem(path: PropertyKey[], where = 'The JSON body'): ProblemError {
  const shown = path.map((p) => (typeof p === 'string' && p.length > MAX_KEY_IN_POINTER ? p.slice(0, MAX_KEY_IN_POINTER) + '…' : p));
  const pointer = toPointer(shown);
  return new ProblemError('malformed-body', `${where} repeats the key at ${pointer}; every key may appear once per object.`, [
    { pointer, message: 'duplicate key', code: 'duplicate_key' },
  ]);
}

/** JSON.parse that also rejects duplicate keys (for NDJSON lines). Throws SyntaxError or ProblemError. */
export function parseStrictJson(text: string, where?: string): unknown {
  const value: unknown = JSON.parse(text);
  if (value !== null && typeof value === 'object') {
    const dup = findDuplicateKey(text);
    if (dup) throw duplicateKeyProblem(dup, where);
  }
  return value;
}

/** Replaces Fastify's application/json parser (same prototype-poisoning protection) with one that also rejects duplicate keys. */
export default fp(
  async (app: FastifyInstance) => {
    const base = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    // JSON is UTF-8 (RFC 8259): another declared charset is a 415, malformed bytes a 400.
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, buf, done) => {
      let body: string;
      try {
        checkUtf8Only(request.headers['content-type'], 'application/json');
        body = decodeUtf8(buf as Buffer);
      } catch (e) {
        return done(e as Error, undefined);
      }
      base(request, body, (err, value) => {
        if (err) return done(err, undefined);
        if (value !== null && typeof value === 'object') {
          const dup = findDuplicateKey(body);
          if (dup) return done(duplicateKeyProblem(dup), undefined);
        }
        done(null, value);
      });
    });
  },
  { name: 'strict-json', fastify: '5.x' },
);
