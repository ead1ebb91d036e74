import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAmount, parseDate, parseMapping, readCsv, resolveColumns, toTrades } from './trade-csv.js';

const fixture = (name: string) => fs.readFileSync(path.resolve('apps/import/fixtures', name));
const erpMapping = () => parseMapping(fixture('erp-mapping.json').toString('utf8'));

describe('readCsv', () => {
  it('reads an ERP export: byte order mark, ";" separators, quoted fields with ";", "" and a line break', () => {
    const table = readCsv(fixture('erp-semicolon-bom.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.header[0]).toBe('Bestellnummer');
    expect(table.header[7]).toBe('Währung');
    const byOrder = new Map(table.records.map((record) => [record.values[0], record]));
    expect(byOrder.get('PO-1002')!.values[1]).toBe('Müller & Söhne; Drahtwerk');
    expect(byOrder.get('PO-1003')!.values[1]).toBe('Baltic "Polymers" AB');
    expect(byOrder.get('PO-1004')!.values[1]).toBe('Lumen\r\nSensing Ltd');
    // A row is reported at its first line; the header is line 1, and line breaks inside quotes count.
    expect(table.records.map((record) => record.line)).toEqual([2, 3, 4, 5, 7, 8, 9, 11]);
  });

  it('reads "," separated files without a byte order mark', () => {
    const table = readCsv(fixture('canonical-comma.csv'));
    expect(table.delimiter).toBe(',');
    expect(table.records.map((record) => record.values[5])).toEqual(['1,234.50', '99999.99']);
  });

  it('takes the separator it is given over the header count', () => {
    expect(readCsv('a;b,c,d\n1;2,3,4\n', ';').records[0].values).toEqual(['1', '2,3,4']);
  });

  it('refuses an empty file and an unterminated quote', () => {
    expect(() => readCsv('\uFEFF')).toThrow('empty');
    expect(() => readCsv('order_id,supplier_name\n"PO-1,Acme\n')).toThrow();
  });
});

describe('toTrades with a mapping file', () => {
  const { trades, failures } = toTrades(readCsv(fixture('erp-semicolon-bom.csv')), erpMapping(), 'dd.mm.yyyy');
  const trade = (order: string) => trades.find((t) => t.externalOrderId === order)!;

  it('reads good rows into the fields, whatever the headers are called', () => {
    expect(trade('PO-1001')).toEqual({
      line: 2,
      externalOrderId: 'PO-1001',
      supplier: {
        id: null,
        name: 'Nordstahl Components GmbH',
        website: 'https://nordstahl.example',
        vatNumber: 'DE123456789',
      },
      supplierCountry: null,
      category: 'Fasteners',
      occurredOn: '2025-02-03',
      amount: 12345.67,
      currency: 'EUR',
      visibility: 'PUBLIC',
    });
    expect(trade('PO-1002')).toMatchObject({ currency: 'EUR', visibility: 'PRIVATE', amount: 950 });
    expect(trade('PO-1003')).toMatchObject({ amount: 1_250_000, visibility: 'PUBLIC', occurredOn: '2025-03-15' });
    expect(trades.map((t) => t.externalOrderId)).toEqual(['PO-1001', 'PO-1002', 'PO-1003']);
  });

  it('reports each bad row with its line and the reason, and keeps its fields for the error report', () => {
    expect(failures.map(({ line, reason }) => [line, reason])).toEqual([
      [5, 'The order date "31.04.2025" is not a date in the format dd.mm.yyyy.'],
      [7, 'The amount "abc" is not a number of at least 0.'],
      [8, 'The row has 3 fields; the header has 9.'],
      [9, 'The order id is empty.'],
      [11, 'The visibility "SECRET" is neither PUBLIC nor PRIVATE.'],
    ]);
    expect(failures[2].values).toEqual(['PO-1006', 'Too few fields', 'Steel']);
  });
});

describe('column mapping', () => {
  it('uses the field names as headers by default, ignoring case', () => {
    const { trades, failures } = toTrades(readCsv(fixture('canonical-comma.csv')), {});
    expect(failures).toEqual([]);
    expect(trades.map((t) => [t.supplier.id, t.supplier.name, t.amount, t.occurredOn])).toEqual([
      ['demo-s7-o-000064', null, 1234.5, '2025-01-31'],
      [null, 'Baltic Polymers AB', 99999.99, '2025-02-01'],
    ]);
  });

  it('combines a mapping file with field=Header pairs, the pairs winning', () => {
    expect(parseMapping('{"order_id": "PO", "amount": "Net"}', ['amount=Gross', 'currency = Cur'])).toEqual({
      order_id: 'PO',
      amount: 'Gross',
      currency: 'Cur',
    });
  });

  it('refuses unknown fields, empty headers and malformed pairs', () => {
    expect(() => parseMapping('{"supplier": "Vendor"}')).toThrow('Unknown field "supplier"');
    expect(() => parseMapping('{"amount": ""}')).toThrow('must give a header for "amount"');
    expect(() => parseMapping('[]')).toThrow('one JSON object');
    expect(() => parseMapping(null, ['amount'])).toThrow('--map takes field=Header');
  });

  it('names the columns the file lacks', () => {
    expect(() => resolveColumns(['PO', 'Vendor', 'Date'], { order_id: 'PO' })).toThrow(
      'The file has no column for supplier_name (header "supplier_name"), category (header "category"), ' +
        'order_date (header "order_date"), amount (header "amount"), currency (header "currency").',
    );
  });
});

describe('amounts and dates', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['1 234,50', 1234.5],
    ["1'234.50", 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['12,5', 12.5],
    ['0', 0],
  ])('reads the amount %s as %d', (raw, expected) => {
    expect(parseAmount(raw)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3,4,5', '12 EUR', '--1'])('refuses the amount "%s"', (raw) => {
    expect(parseAmount(raw)).toBeNull();
  });

  it('reads each date format and refuses dates that do not exist', () => {
    expect(parseDate('2025-02-28', 'yyyy-mm-dd')).toBe('2025-02-28');
    expect(parseDate('2025-02-28 13:45:00', 'yyyy-mm-dd')).toBe('2025-02-28');
    expect(parseDate('1.2.2025', 'dd.mm.yyyy')).toBe('2025-02-01');
    expect(parseDate('01/02/2025', 'dd/mm/yyyy')).toBe('2025-02-01');
    expect(parseDate('01/02/2025', 'mm/dd/yyyy')).toBe('2025-01-02');
    expect(parseDate('2025-02-29', 'yyyy-mm-dd')).toBeNull();
    expect(parseDate('2024-02-29', 'yyyy-mm-dd')).toBe('2024-02-29');
    expect(parseDate('03.02.2025', 'yyyy-mm-dd')).toBeNull();
  });
});
