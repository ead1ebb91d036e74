import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_NETWORK, DEMO_ORGANIZATIONS, generateNetwork, SeededRandom } from '#tradegraph/demo';
import { CATEGORY_TAXONOMY } from '#tradegraph/graph';
import { OrganizationRole } from '#tradegraph/organizations';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_FIELDS } from './trade-csv.js';

const USAGE = `Usage: node dist/apps/import/src/generate-sample.js [--rows N] [--out file.csv]

Writes a deterministic ERP export of the demo buyer (Cascade Machinery Inc.) for import:trades: UTF-8 with a
byte order mark, ";" separated, suppliers and categories of the demo data named by id, name or website, and a
few suppliers that are not on TradeGraph. Default: 1000 rows to docs/examples/purchases.csv.`;

/** Suppliers the buyer buys from that are not on TradeGraph: the import lists them, or creates them. */
const OFF_PLATFORM = [
  {
    name: 'Rheinland Kabelwerk GmbH',
    website: 'https://rheinland-kabel.example',
    vat: 'DE 281 443 019',
    country: 'DE',
    categories: ['Cables and wires'],
  },
  {
    name: 'Tecnoplast Ibérica S.L.',
    website: 'tecnoplast-iberica.example',
    vat: 'ESB12345674',
    country: 'ES',
    categories: ['Injection-moulded parts'],
  },
  {
    name: 'Great Lakes Bearing Co.',
    website: 'https://www.greatlakesbearing.example',
    vat: '',
    country: 'US',
    categories: ['Bearings and power transmission'],
  },
];

const CURRENCY: Record<string, string> = { SE: 'SEK', GB: 'GBP', US: 'USD', CH: 'CHF', PL: 'PLN', DK: 'DKK' };

interface Supplier {
  id: string;
  name: string;
  website: string;
  vat: string;
  country: string;
  categories: string[];
  /** How the export names it: by TradeGraph id, by name, by website, or (off-platform) by everything it has. */
  naming: 'id' | 'name' | 'website' | 'all';
}

const categoryName = new Map(CATEGORY_TAXONOMY.flatMap((root) => root.children).map((child) => [child.id, child.name]));

/** The demo suppliers the buyer trades with: the named ones it is independent of, and generated suppliers. */
function suppliers(random: SeededRandom): Supplier[] {
  const named = DEMO_ORGANIZATIONS.filter(
    (organization) =>
      organization.roles.includes(OrganizationRole.SUPPLIER) &&
      // Cascade's admin also works at Atlas Envases: trades with it would not have independent parties.
      !organization.members.some((member) => member.account === 'ada'),
  ).map<Supplier>((organization) => ({
    id: '',
    name: organization.name,
    website: organization.website,
    vat: '',
    country: organization.country,
    categories: organization.categoryIds.map((id) => categoryName.get(id) ?? id),
    naming: 'name',
  }));
  const network = generateNetwork({
    seed: DEMO_NETWORK.seed,
    people: DEMO_NETWORK.people,
    today: '2026-01-01',
    taxonomy: CATEGORY_TAXONOMY,
  });
  const generated = network.organizations
    .filter((organization) => organization.roles.includes('SUPPLIER'))
    .slice(0, 40)
    .map<Supplier>((organization) => ({
      id: organization.id,
      name: organization.name,
      website: organization.website,
      vat: '',
      country: organization.country,
      // Some rows name the category by id, most by its name.
      categories: organization.categoryIds.map((id) => (random.chance(0.3) ? id : (categoryName.get(id) ?? id))),
      naming: random.pick(['id', 'name', 'website'] as const),
    }));
  const offPlatform = OFF_PLATFORM.map<Supplier>((supplier) => ({ ...supplier, id: '', naming: 'all' }));
  return [...named, ...generated, ...offPlatform];
}

function sampleRows(count: number): string[][] {
  const random = new SeededRandom(DEMO_NETWORK.seed, 'import-sample');
  const all = suppliers(random);
  // The named demo suppliers get most orders, off-platform ones about 1 in 80.
  const weights = all.map((supplier) => (supplier.naming === 'all' ? 0.4 : supplier.id ? 1 : 6));
  const first = Date.UTC(2024, 0, 2);
  const days = Math.round((Date.UTC(2025, 9, 31) - first) / 86_400_000);
  const rows = Array.from({ length: count }, () => {
    const supplier = random.weighted(all, (s) => weights[all.indexOf(s)]);
    const day = new Date(first + random.int(0, days) * 86_400_000).toISOString().slice(0, 10);
    const currency = CURRENCY[supplier.country] ?? 'EUR';
    const euros = Math.exp(Math.log(200) + random.next() * (Math.log(2_500_000) - Math.log(200)));
    const perEuro = currency === 'SEK' ? 11.5 : currency === 'GBP' ? 0.86 : currency === 'USD' ? 1.09 : 1;
    return {
      day,
      supplier,
      category: random.pick(supplier.categories),
      amount: (euros * perEuro).toFixed(2),
      currency,
      visibility: random.chance(0.1) ? 'PRIVATE' : 'PUBLIC',
    };
  }).sort((a, b) => a.day.localeCompare(b.day));
  return rows.map((row, index) => {
    const { supplier } = row;
    const byId = supplier.naming === 'id';
    const withName = supplier.naming !== 'website';
    const withWebsite = supplier.naming === 'website' || supplier.naming === 'all';
    return [
      `CM-PO-${row.day.slice(2, 4)}-${String(index + 1).padStart(6, '0')}`,
      byId ? supplier.id : '',
      withName || byId ? supplier.name : '',
      withWebsite ? supplier.website : '',
      supplier.vat,
      supplier.naming === 'all' ? supplier.country : '',
      row.category,
      row.day,
      row.amount,
      row.currency,
      row.visibility,
    ];
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000' },
      out: { type: 'string', default: 'docs/examples/purchases.csv' },
      help: { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  if (values.help || !Number.isInteger(rows) || rows < 1 || rows > 1_000_000) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  fs.writeFileSync(
    values.out,
    stringify([[...IMPORT_FIELDS_ORDER], ...sampleRows(rows)], { delimiter: ';', bom: true }),
  );
  process.stdout.write(`Wrote ${rows} rows to ${values.out}.\n`);
}

/** The sample's columns: the import's default headers, order id first. */
const IMPORT_FIELDS_ORDER = ['order_id', ...IMPORT_FIELDS.filter((field) => field !== 'order_id')];

main();
