// A JSON serializer compiled from a zod schema: for data that already has the schema's shape (the
// engine's own output, whose TypeScript types are the schema's), it writes what
// JSON.stringify(schema.encode(value)) writes — the schema's keys in the schema's order, unknown
// keys dropped — without zod building and checking a copy of the whole tree (about 7× the time of
// the serialisation itself on a shared article). It does not validate: the full check runs in the
// tests, on every result with OUTPUT_CHECK_RATE=1, and on a sampled fraction in production
// (src/service/worker.ts). test/schemas/serialize.test.ts holds it to that equality.
import type { z } from 'zod';

export type Serializer = (value: unknown) => string;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const PRIMITIVES = new Set(['string', 'number', 'int', 'boolean', 'enum', 'literal', 'null']);

/** The serializer for `schema`; throws at compile time on a kind of schema it does not know (transforms, unions, …). */
export function compileSerializer(schema: z.ZodType): Serializer {
  const def = defOf(schema);
  if (PRIMITIVES.has(def.type)) return (v) => JSON.stringify(v);
  switch (def.type) {
    case 'optional':
      return compileSerializer(def.innerType!);
    case 'array':
      return arraySerializer(compileSerializer(def.element!));
    case 'object':
      return objectSerializer(def.shape!);
    case 'record':
      return recordSerializer(compileSerializer(def.valueType!));
    default:
      throw new Error(`compileSerializer: schema type "${def.type}" is not supported`);
  }
}

function arraySerializer(item: Serializer): Serializer {
  return (v) => {
    const a = v as unknown[];
    if (a.length === 0) return '[]';
    let s = '[' + item(a[0]);
    for (let i = 1; i < a.length; i++) s += ',' + item(a[i]);
    return s + ']';
  };
}

function objectSerializer(shape: Record<string, z.ZodType>): Serializer {
  const keys = Object.keys(shape);
  const names = keys.map((k) => JSON.stringify(k) + ':');
  const values = keys.map((k) => compileSerializer(shape[k]));
  return (v) => {
    const o = v as Record<string, unknown>;
    let s = '';
    for (let i = 0; i < keys.length; i++) {
      const x = o[keys[i]];
      if (x === undefined) continue; // an absent optional key (JSON.stringify drops undefined too)
      s += (s.length === 0 ? '{' : ',') + names[i] + values[i](x);
    }
    return s.length === 0 ? '{}' : s + '}';
  };
}

function recordSerializer(value: Serializer): Serializer {
  return (v) => {
    const o = v as Record<string, unknown>;
    let s = '';
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (x === undefined) continue;
      s += (s.length === 0 ? '{' : ',') + JSON.stringify(k) + ':' + value(x);
    }
    return s.length === 0 ? '{}' : s + '}';
  };
}
