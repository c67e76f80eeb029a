// Partial ISO dates of roles (YYYY, YYYY-MM, YYYY-MM-DD) read as days, for the knowledge-base tests.
import type { Role } from '../../src/kb/schema.js';

/** Earliest day a partial ISO date can mean. */
export const lo = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
/** Latest day a partial ISO date can mean. */
export const hi = (d: string): string => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
/** Whether a role may cover the day (partial dates read at their widest). */
export const activeOn = (r: Role, date: string): boolean => lo(r.from) <= date && (r.to == null || hi(r.to) >= date);
