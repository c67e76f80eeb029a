// Character sets of request bodies. JSON and NDJSON are UTF-8 (RFC 8259); text/plain may declare
// one of a few charsets used for Arabic and English copy. A declared charset is honoured or
// refused with 415 naming the supported ones; bytes that are not valid in it are refused with
// 400, never decoded with replacement characters.
import { ProblemError } from '../errors.js';

/** text/plain charsets: label -> how to decode. iso-8859-1 is decoded exactly (every byte is a code point). */
const TEXT_CHARSETS: Record<string, (buf: Buffer) => string> = {
  'utf-8': fatal('utf-8'),
  'utf-16le': fatal('utf-16le'),
  'utf-16be': fatal('utf-16be'),
  'iso-8859-1': (buf) => buf.toString('latin1'),
  'windows-1252': fatal('windows-1252'),
  'iso-8859-6': fatal('iso-8859-6'),
  'windows-1256': fatal('windows-1256'),
};

const ALIASES: Record<string, string> = { utf8: 'utf-8', latin1: 'iso-8859-1', 'iso8859-1': 'iso-8859-1', 'iso_8859-1': 'iso-8859-1', 'cp1252': 'windows-1252', 'cp1256': 'windows-1256', 'iso8859-6': 'iso-8859-6', 'iso_8859-6': 'iso-8859-6' };

export const TEXT_CHARSET_NAMES = Object.keys(TEXT_CHARSETS);

function fatal(label: string): (buf: Buffer) => string {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  return (buf) => decoder.decode(buf);
}

/** The charset parameter of a Content-Type header, lower-cased and unquoted; undefined when absent. */
export function declaredCharset(contentType: string | string[] | undefined): string | undefined {
  const h = Array.isArray(contentType) ? contentType[0] : contentType;
  if (!h) return undefined;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(h);
  if (!m) return undefined;
  const label = (m[1] ?? m[2] ?? '').trim().toLowerCase();
  return ALIASES[label] ?? label;
}

export function unsupportedCharset(charset: string, supported: readonly string[], mediaType: string): ProblemError {
  return new ProblemError('unsupported-media-type', `The charset "${charset}" is not supported for ${mediaType}; send one of: ${supported.join(', ')}.`);
}

/** A JSON or NDJSON body's charset must be UTF-8 when declared. */
export function checkUtf8Only(contentType: string | string[] | undefined, mediaType: string): void {
  const charset = declaredCharset(contentType);
  if (charset !== undefined && charset !== 'utf-8') throw unsupportedCharset(charset, ['utf-8'], mediaType);
}

const utf8 = fatal('utf-8');

/** Decodes UTF-8, refusing malformed bytes with 400 (a leading BOM is dropped). */
export function decodeUtf8(buf: Buffer, what = 'The body'): string {
  try {
    return utf8(buf);
  } catch {
    throw new ProblemError('malformed-body', `${what} is not valid UTF-8.`);
  }
}

/** Decodes a text/plain body in its declared charset (UTF-8 when none): 415 for an unsupported one, 400 for bytes invalid in it. */
export function decodeText(buf: Buffer, contentType: string | string[] | undefined): string {
  const charset = declaredCharset(contentType) ?? 'utf-8';
  const decode = TEXT_CHARSETS[charset];
  if (!decode) throw unsupportedCharset(charset, TEXT_CHARSET_NAMES, 'text/plain');
  try {
    return decode(buf);
  } catch {
    throw new ProblemError('malformed-body', `The body is not valid ${charset}.`);
  }
}
