import { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/**
 * Turns driver values into plain JavaScript: Integer → number, Date → 'yyyy-mm-dd',
 * DateTime / LocalDateTime → Date, nodes and relationships → their properties.
 * Repositories apply it to every record so nothing above them sees driver types.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value)) return value.toString();
  if (isDateTime(value) || isLocalDateTime(value)) return new Date(value.toString());
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object' && value.constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}
