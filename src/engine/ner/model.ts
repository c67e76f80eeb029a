// The weights of one language's tagger: a table of 2^bits hashed feature rows (one weight per
// label), stored sparse (only the rows training touched and pruning kept) and quantised to
// 16 bits, plus the label transition scores and the temperature that turns scores into
// probabilities. File format (little-endian): "NERT", u32 version, u32 header length, the
// JSON header, padding to 4 bytes, u32 row ids (delta-coded, ascending), i16 weights (rows x L).
import { NUM_LABELS as L } from './labels.js';
import type { Features } from './features.js';

const MAGIC = 0x5452454e; // "NERT"
const VERSION = 1;

export interface ModelHeader {
  lang: string;
  bits: number;
  labels: readonly string[];
  /** Weight = stored i16 x scale. */
  scale: number;
  rows: number;
  temperature: number;
  /** (L + 1) x L transition weights, row 0 = sentence start. */
  transitions: number[];
}

export class Model {
  readonly mask: number;
  /** Row of each hashed feature (times L), -1 when the feature has no weights. */
  readonly index: Int32Array;
  constructor(
    readonly header: ModelHeader,
    readonly weights: Float32Array,
    rowIds: Uint32Array,
  ) {
    this.mask = (1 << header.bits) - 1;
    this.index = new Int32Array(1 << header.bits).fill(-1);
    for (let r = 0; r < rowIds.length; r++) this.index[rowIds[r]] = r * L;
  }

  /** Emission scores of tokens [from, to) into out[(k - from) * L + y]. */
  emissions(f: Features, from: number, to: number, out: Float64Array): void {
    const { index, weights } = this;
    const ids = f.ids;
    for (let k = from; k < to; k++) {
      const o = (k - from) * L;
      for (let y = 0; y < L; y++) out[o + y] = 0;
      for (let i = f.offsets[k], e = f.offsets[k + 1]; i < e; i++) {
        const r = index[ids[i]];
        if (r < 0) continue;
        for (let y = 0; y < L; y++) out[o + y] += weights[r + y];
      }
    }
  }
}

/** Serialises dense weights (2^bits x L), dropping weights below `prune` in magnitude. */
export function encodeModel(header: Omit<ModelHeader, 'rows' | 'scale'>, dense: Float64Array, prune: number): Uint8Array {
  let max = 0;
  for (let i = 0; i < dense.length; i++) if (Math.abs(dense[i]) > max) max = Math.abs(dense[i]);
  const scale = max > 0 ? max / 32767 : 1;
  const ids: number[] = [];
  const vals: number[] = [];
  for (let r = 0; r < dense.length / L; r++) {
    let keep = false;
    for (let y = 0; y < L; y++) if (Math.abs(dense[r * L + y]) >= prune && Math.round(dense[r * L + y] / scale) !== 0) keep = true;
    if (!keep) continue;
    ids.push(r);
    for (let y = 0; y < L; y++) vals.push(Math.abs(dense[r * L + y]) >= prune ? Math.round(dense[r * L + y] / scale) : 0);
  }
  const full: ModelHeader = { ...header, scale, rows: ids.length };
  const json = new TextEncoder().encode(JSON.stringify(full));
  const headLen = 12 + json.length;
  const pad = (4 - (headLen % 4)) % 4;
  const buf = new ArrayBuffer(headLen + pad + ids.length * 4 + vals.length * 2);
  const view = new DataView(buf);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, json.length, true);
  new Uint8Array(buf, 12, json.length).set(json);
  let o = headLen + pad;
  let last = 0;
  for (const id of ids) {
    view.setUint32(o, id - last, true);
    last = id;
    o += 4;
  }
  for (const v of vals) {
    view.setInt16(o, v, true);
    o += 2;
  }
  return new Uint8Array(buf);
}

export function decodeModel(bytes: Uint8Array): Model {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('not a tagger model (bad magic)');
  if (view.getUint32(4, true) !== VERSION) throw new Error(`tagger model version ${view.getUint32(4, true)} (expected ${VERSION})`);
  const jsonLen = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLen))) as ModelHeader;
  if (header.labels.length !== L || header.transitions.length !== (L + 1) * L) throw new Error('tagger model: label set differs from this build');
  let o = 12 + jsonLen;
  o += (4 - (o % 4)) % 4;
  const need = o + header.rows * 4 + header.rows * L * 2;
  if (bytes.byteLength !== need) throw new Error(`tagger model: ${bytes.byteLength} bytes, expected ${need}`);
  const rowIds = new Uint32Array(header.rows);
  let id = 0;
  for (let r = 0; r < header.rows; r++, o += 4) rowIds[r] = id += view.getUint32(o, true);
  const weights = new Float32Array(header.rows * L);
  for (let i = 0; i < weights.length; i++, o += 2) weights[i] = view.getInt16(o, true) * header.scale;
  return new Model(header, weights, rowIds);
}
