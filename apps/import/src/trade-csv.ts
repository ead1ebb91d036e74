import { parse } from 'csv-parse/sync';

/** The fields an import reads from each row; the column mapping says which header holds each. */
export const IMPORT_FIELDS = [
  'supplier_id',
  'supplier_name',
  'supplier_website',
  'supplier_vat',
  'supplier_country',
  'category',
  'order_date',
  'amount',
  'currency',
  'order_id',
  'visibility',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];
/** For each field, the header of the column that holds it. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export type DateFormat = 'yyyy-mm-dd' | 'dd.mm.yyyy' | 'dd/mm/yyyy' | 'mm/dd/yyyy';
export const DATE_FORMATS: readonly DateFormat[] = ['yyyy-mm-dd', 'dd.mm.yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy'];

/** A data row of the file as it was read, with its line number (the header is line 1). */
export interface CsvRecord {
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  delimiter: ';' | ',';
  records: CsvRecord[];
}

/** One row read into the import's fields; supplier and category are still names, not ids. */
export interface CsvTrade {
  line: number;
  externalOrderId: string;
  supplier: { id: string | null; name: string | null; website: string | null; vatNumber: string | null };
  supplierCountry: string | null;
  category: string;
  occurredOn: string;
  amount: number;
  currency: string;
  visibility: 'PUBLIC' | 'PRIVATE';
}

export interface RowFailure {
  line: number;
  values: string[];
  reason: string;
}

/**
 * Reads a CSV file: UTF-8 with or without a byte order mark, `;` or `,` between fields (the one the
 * header line uses most, unless given), fields optionally in double quotes (with "" for a quote and line
 * breaks inside). Blank lines are skipped. Rows keep their line numbers for the error report.
 */
export function readCsv(content: string | Buffer, delimiter?: ';' | ','): CsvTable {
  const text = (typeof content === 'string' ? content : content.toString('utf8')).replace(/^\uFEFF/, '');
  const bytes = Buffer.from(text, 'utf8');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const chosen = delimiter ?? (count(firstLine, ';') > count(firstLine, ',') ? ';' : ',');
  const parsed = parse(bytes, {
    delimiter: chosen,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { bytes: number } }[];
  if (parsed.length === 0) throw new Error('The file is empty: it needs a header line.');
  // The parser's own line count is off for CRLF line breaks inside quotes: count them from the byte offsets.
  let line = 1;
  let offset = 0;
  const records = parsed.map(({ record, info }) => {
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) {
      if (bytes[offset] === 0x0a) line += 1;
      offset += 1;
    }
    const first = line;
    for (; offset < info.bytes; offset += 1) if (bytes[offset] === 0x0a) line += 1;
    return { line: first, values: record };
  });
  const [head, ...rows] = records;
  return { header: head.values, delimiter: chosen, records: rows };
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** The default mapping: each field's own name is its header. */
export const DEFAULT_MAPPING: Required<ColumnMapping> = Object.fromEntries(
  IMPORT_FIELDS.map((field) => [field, field]),
) as Required<ColumnMapping>;

/**
 * Reads a mapping file, JSON like `{"supplier_name": "Vendor", "order_date": "PO Date"}`, or
 * `field=Header` pairs: fields not named keep their default header.
 */
export function parseMapping(json: string | null, pairs: readonly string[] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  const set = (field: string, header: unknown) => {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new Error(`Unknown field "${field}" in the column mapping; the fields are ${IMPORT_FIELDS.join(', ')}.`);
    }
    if (typeof header !== 'string' || !header.trim()) {
      throw new Error(`The column mapping must give a header for "${field}".`);
    }
    mapping[field as ImportField] = header.trim();
  };
  if (json !== null) {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('A mapping file holds one JSON object: {"field": "Header", ...}.');
    }
    for (const [field, header] of Object.entries(parsed)) set(field, header);
  }
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--map takes field=Header (got "${pair}").`);
    set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
  return mapping;
}

/**
 * The column of each field in this header (headers compare without case). Throws when a column the
 * import needs is missing: an order id, a supplier (id, name, website or VAT number), a category, a date, an amount and a currency.
 */
export function resolveColumns(
  header: readonly string[],
  mapping: ColumnMapping,
): Partial<Record<ImportField, number>> {
  const lower = header.map((name) => name.trim().toLowerCase());
  const columns: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const index = lower.indexOf((mapping[field] ?? DEFAULT_MAPPING[field]).toLowerCase());
    if (index >= 0) columns[field] = index;
  }
  const missing = (['order_id', 'category', 'order_date', 'amount', 'currency'] as const).filter(
    (field) => columns[field] === undefined,
  );
  const supplierColumns = (['supplier_id', 'supplier_name', 'supplier_website', 'supplier_vat'] as const).filter(
    (field) => columns[field] !== undefined,
  );
  if (supplierColumns.length === 0) missing.unshift('supplier_name' as never);
  if (missing.length > 0) {
    const named = missing.map((field) => `${field} (header "${mapping[field] ?? DEFAULT_MAPPING[field]}")`);
    throw new Error(`The file has no column for ${named.join(', ')}. Its header is: ${header.join(' | ')}.`);
  }
  return columns;
}

/** Reads each record into the import's fields; a record that cannot be read becomes a failure with the reason. */
export function toTrades(
  table: CsvTable,
  mapping: ColumnMapping,
  dateFormat: DateFormat = 'yyyy-mm-dd',
): { trades: CsvTrade[]; failures: RowFailure[] } {
  const columns = resolveColumns(table.header, mapping);
  const trades: CsvTrade[] = [];
  const failures: RowFailure[] = [];
  for (const record of table.records) {
    const value = (field: ImportField) => {
      const index = columns[field];
      return index === undefined ? '' : (record.values[index] ?? '').trim();
    };
    const reason = (() => {
      if (record.values.length !== table.header.length) {
        return `The row has ${record.values.length} fields; the header has ${table.header.length}.`;
      }
      if (!value('order_id')) return 'The order id is empty.';
      if (!['supplier_id', 'supplier_name', 'supplier_website', 'supplier_vat'].some((f) => value(f as ImportField))) {
        return 'The supplier is empty (no id, name, website or VAT number).';
      }
      if (!value('category')) return 'The category is empty.';
      if (!parseDate(value('order_date'), dateFormat)) {
        return `The order date "${value('order_date')}" is not a date in the format ${dateFormat}.`;
      }
      const amount = parseAmount(value('amount'));
      if (amount === null || amount < 0) return `The amount "${value('amount')}" is not a number of at least 0.`;
      if (!/^[A-Za-z]{3}$/.test(value('currency')))
        return `The currency "${value('currency')}" is not a 3-letter code.`;
      if (!/^(PUBLIC|PRIVATE)?$/i.test(value('visibility'))) {
        return `The visibility "${value('visibility')}" is neither PUBLIC nor PRIVATE.`;
      }
      return null;
    })();
    if (reason) {
      failures.push({ line: record.line, values: record.values, reason });
      continue;
    }
    trades.push({
      line: record.line,
      externalOrderId: value('order_id'),
      supplier: {
        id: value('supplier_id') || null,
        name: value('supplier_name') || null,
        website: value('supplier_website') || null,
        vatNumber: value('supplier_vat') || null,
      },
      supplierCountry: value('supplier_country') || null,
      category: value('category'),
      occurredOn: parseDate(value('order_date'), dateFormat)!,
      amount: parseAmount(value('amount'))!,
      currency: value('currency').toUpperCase(),
      visibility: value('visibility').toUpperCase() === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC',
    });
  }
  return { trades, failures };
}

/** A real calendar date in the format (a time after an ISO date is ignored), as yyyy-mm-dd; else null. */
export function parseDate(raw: string, format: DateFormat): string | null {
  const patterns: Record<DateFormat, [RegExp, number, number, number]> = {
    'yyyy-mm-dd': [/^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 1, 2, 3],
    'dd.mm.yyyy': [/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, 3, 2, 1],
    'dd/mm/yyyy': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, 3, 2, 1],
    'mm/dd/yyyy': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, 3, 1, 2],
  };
  const [pattern, y, m, d] = patterns[format];
  const match = pattern.exec(raw.trim());
  if (!match) return null;
  const iso = `${match[y]}-${match[m].padStart(2, '0')}-${match[d].padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/**
 * An amount as ERPs write it: "1234.5", "1,234.50", "1.234,50", "1 234,50", "1'234.50". When both "." and
 * "," occur, the last one is the decimal mark; a lone "," followed by one or two digits is one too.
 * Anything else (letters, two decimal marks) gives null.
 */
export function parseAmount(raw: string): number | null {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^-?[\d.,]+$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const [group, decimal] = lastComma > lastDot ? [/\./g, ','] : [/,/g, '.'];
    text = text.replace(group, '').replace(decimal, '.');
  } else if (lastComma >= 0) {
    text = /^-?\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : text.replace(/,(?=\d{3}(,|$))/g, '');
  } else if (count(text, '.') > 1) {
    text = text.replace(/\.(?=\d{3}(\.|$))/g, '');
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
