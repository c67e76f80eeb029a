// What the person components share for one document: the Doc, the compiled knowledge base, the
// match index, the name parser and the name lexicons (built once per engine).
import type { Compiled } from '../compile.js';
import type { Doc } from '../doc.js';
import type { MatchIndex } from '../entities/lexicons.js';
import { NameParser, nameLexicons, type NameLexicons } from '../entities/names.js';
import type { Token } from '../text/tokenize.js';

export interface PersonContext {
  doc: Doc;
  c: Compiled;
  idx: MatchIndex;
  tokens: Token[];
  parser: NameParser;
  lex: NameLexicons;
}

const lexCache = new WeakMap<Compiled, NameLexicons>();
const parsers = new WeakMap<Doc, NameParser>();

export function personContext(doc: Doc, c: Compiled): PersonContext {
  let lex = lexCache.get(c);
  if (!lex) lexCache.set(c, (lex = nameLexicons(c)));
  let parser = parsers.get(doc);
  if (!parser) parsers.set(doc, (parser = new NameParser(doc, doc.index, lex, c)));
  return { doc, c, idx: doc.index, tokens: doc.tokens, parser, lex };
}
