import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_ACCOUNTS, DemoSeeder } from '#tradegraph/demo';
import { Organization, OrganizationRole, OrganizationsService } from '#tradegraph/organizations';
import { parse } from 'csv-parse/sync';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { isoDay, SOLVENTS, STEEL } from './support/trades-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const CLI = path.resolve('dist/apps/import/src/import-trades.js');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The ERP's own headers, mapped with a mapping file plus one --map pair. */
const MAPPING = {
  order_id: 'Bestellnummer',
  supplier_id: 'Lieferanten-ID',
  supplier_name: 'Lieferant',
  supplier_website: 'Webseite',
  category: 'Warengruppe',
  order_date: 'Bestelldatum',
  amount: 'Betrag',
  visibility: 'Sichtbarkeit',
};
const HEADER = 'Bestellnummer;Lieferanten-ID;Lieferant;Webseite;Warengruppe;Bestelldatum;Betrag;Währung;Sichtbarkeit';

describe('import:trades, the CLI, against the real databases', () => {
  let t: TestApp;
  let dir: string;
  let importer: TestPerson;
  let supplierMember: TestPerson;
  let buyer: Organization;
  let byId: Organization;
  let byWebsite: Organization;
  let shared: Organization;

  /** Runs the built CLI as its own process on the test databases. */
  const run = (args: string[]): Promise<CliRun> =>
    new Promise((resolve, reject) => {
      const { sql, neo4j } = t.config;
      const child = spawn(process.execPath, [CLI, ...args], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          NEO4J_URI: neo4j.uri!,
          NEO4J_USERNAME: neo4j.username,
          NEO4J_PASSWORD: neo4j.password,
          DATABASE_URL: sql.type === 'sqlite' ? `sqlite:${sql.file}` : sql.url,
          DATA_DIR: dir,
          JWT_SECRET: t.config.auth.jwtSecret,
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });
  const file = (name: string, lines: string[]) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, `\uFEFF${lines.join('\r\n')}\r\n`);
    return at;
  };
  /** The rows of the error report the import wrote beside `csv` (its header first). */
  const errorReport = (csv: string): string[][] =>
    parse(fs.readFileSync(csv.replace(/\.csv$/, '.errors.csv')), { bom: true, delimiter: ';' });
  const importArgs = (csv: string, extra: string[] = []) => [
    '--file',
    csv,
    '--organization',
    buyer.id,
    '--as',
    importer.email.toUpperCase(),
    '--mapping',
    path.join(dir, 'mapping.json'),
    '--map',
    'currency=Währung',
    '--date-format',
    'dd.mm.yyyy',
    ...extra,
  ];
  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await t.neo4j.read<{ n: number }>(cypher, params))[0].n;
  const buyerTrades = () =>
    count('MATCH (:Organization {id: $id})<-[:BUYER]-(t:Trade) RETURN count(t) AS n', { id: buyer.id });
  const importNotifications = (person: TestPerson) =>
    t.neo4j.read<{ summary: string; subjectId: string }>(
      `MATCH (:Person {id: $id})-[:HAS_NOTIFICATION]->(n:Notification {kind: 'TRADES_IMPORTED'})
       RETURN n.summary AS summary, n.subjectId AS subjectId`,
      { id: person.id },
    );
  const auditActions = async () =>
    ((await t.sql.query(`SELECT action FROM audit_log WHERE action = 'importTrades'`)) as unknown[]).length;
  const dotted = (offsetDays: number) => isoDay(offsetDays).split('-').reverse().join('.');

  beforeAll(async () => {
    t = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-import-'));
    fs.writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify(MAPPING));
    importer = await newPerson(t, { name: 'Ida Importer' });
    const buyerAdmin = await newPerson(t);
    buyer = await newOrganization(t, buyerAdmin, { name: 'Import Buyer AG', roles: [OrganizationRole.BUYER] });
    await newEmployment(t, importer, buyer, { approvedBy: buyerAdmin });
    const supplierAdmin = await newPerson(t);
    supplierMember = await newPerson(t);
    byId = await newOrganization(t, supplierAdmin, { name: 'Steel By Id GmbH', categoryIds: [STEEL] });
    await newEmployment(t, supplierMember, byId, { approvedBy: supplierAdmin });
    byWebsite = await newOrganization(t, supplierAdmin, { name: 'Solvents Online Ltd', categoryIds: [SOLVENTS] });
    await t.app.get(OrganizationsService).update(supplierAdmin.user, byWebsite.id, {
      website: 'https://www.solvents-online.example/en',
    });
    // The importer works at this supplier too: a trade with it would not have two independent parties.
    shared = await newOrganization(t, importer, { name: 'Shared Steel SA', categoryIds: [STEEL] });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const firstFile = () =>
    file('purchases.csv', [
      HEADER,
      `PO-1;${byId.id};;;metals-steel;${dotted(-30)};"12.500,00";EUR;PUBLIC`,
      `PO-2;${byId.id};Steel By Id GmbH;;Steel;${dotted(-20)};950;eur;private`,
      `PO-3;${byId.id};;;Steel;${dotted(-10)};"2.000.000,00";USD;`,
      `PO-4;;"Solvents ""Online"" Ltd";solvents-online.example;Solvents;${dotted(-5)};100000;GBP;PUBLIC`,
      `PO-5;;;http://solvents-online.example;chemicals-solvents;${dotted(-1)};10;EUR;PUBLIC`,
      `PO-6;;Solvents Online Ltd;;Steel;${dotted(-1)};10;EUR;PUBLIC`,
      `PO-7;${byId.id};;;Steel;${dotted(3)};10;EUR;PUBLIC`,
      `PO-8;;Nowhere Trading Ltd;;Steel;${dotted(-1)};10;EUR;PUBLIC`,
      `PO-9;${shared.id};;;Steel;${dotted(-1)};10;EUR;PUBLIC`,
      `PO-10;${byId.id};;;Unobtainium;${dotted(-1)};10;EUR;PUBLIC`,
      `PO-1;${byId.id};;;Steel;${dotted(-1)};10;EUR;PUBLIC`,
      `PO-11;${byId.id};;;Steel;${dotted(-1)};lots;EUR;PUBLIC`,
      `PO-12;${byId.id};;;Steel;${dotted(-1)};10;XYZ;PUBLIC`,
    ]);

  it('imports the good rows as PENDING trades, reports every bad row with its reason, and exits 1', async () => {
    const csv = firstFile();
    const result = await run(importArgs(csv));
    expect([result.code, result.stderr]).toEqual([1, expect.stringContaining('Importing 13/13 rows (100%)')]);
    expect(result.stdout).toMatch(/created +5\n/);
    expect(result.stdout).toMatch(/already present +0\n/);
    expect(result.stdout).toContain('failed           8 (reasons in');
    expect(result.stdout).toContain('suppliers        3 matched, 1 unmatched');
    expect(result.stdout).toContain('unmatched: Nowhere Trading Ltd');

    const report = errorReport(csv);
    expect(report[0]).toEqual(['line', 'error', ...HEADER.split(';')]);
    expect(report.slice(1).map((row) => [row[0], row[2], row[1]])).toEqual([
      ['7', 'PO-6', 'The supplier does not supply this category.'],
      ['8', 'PO-7', 'occurredOn cannot be in the future.'],
      ['9', 'PO-8', 'No organization matches the supplier "Nowhere Trading Ltd".'],
      ['10', 'PO-9', expect.stringContaining('You are a current member of the supplier too.')],
      ['11', 'PO-10', 'No category has the id or name "Unobtainium".'],
      ['12', 'PO-1', 'The external order id PO-1 repeats line 2.'],
      ['13', 'PO-11', 'The amount "lots" is not a number of at least 0.'],
      ['14', 'PO-12', 'The currency XYZ is not one the import converts (see docs/operations.md).'],
    ]);

    const trades = await t.neo4j.read<Record<string, unknown>>(
      `MATCH (:Organization {id: $buyerId})<-[:BUYER]-(t:Trade)-[:SUPPLIER]->(s:Organization),
             (t)-[:IN_CATEGORY]->(c:Category), (r:Person)-[:RECORDED]->(t)
       RETURN t.externalOrderId AS order, s.id AS supplier, c.id AS category, t.amountBand AS band,
              t.visibility AS visibility, t.status AS status, r.id AS recorder, toString(t.occurredOn) AS day
       ORDER BY order`,
      { buyerId: buyer.id },
    );
    const common = { status: 'PENDING', recorder: importer.id };
    expect(trades).toEqual([
      {
        ...common,
        order: 'PO-1',
        supplier: byId.id,
        category: STEEL,
        band: 'FROM_10K_TO_100K',
        visibility: 'PUBLIC',
        day: isoDay(-30),
      },
      {
        ...common,
        order: 'PO-2',
        supplier: byId.id,
        category: STEEL,
        band: 'UNDER_10K',
        visibility: 'PRIVATE',
        day: isoDay(-20),
      },
      {
        ...common,
        order: 'PO-3',
        supplier: byId.id,
        category: STEEL,
        band: 'OVER_1M',
        visibility: 'PUBLIC',
        day: isoDay(-10),
      },
      {
        ...common,
        order: 'PO-4',
        supplier: byWebsite.id,
        category: SOLVENTS,
        band: 'FROM_100K_TO_1M',
        visibility: 'PUBLIC',
        day: isoDay(-5),
      },
      {
        ...common,
        order: 'PO-5',
        supplier: byWebsite.id,
        category: SOLVENTS,
        band: 'UNDER_10K',
        visibility: 'PUBLIC',
        day: isoDay(-1),
      },
    ]);

    // One summary per supplier and import, not one per trade.
    expect(await importNotifications(supplierMember)).toEqual([
      {
        subjectId: buyer.id,
        summary: 'Ida Importer imported 3 trades with your organization; please confirm or reject them',
      },
    ]);
    expect(await auditActions()).toBe(3); // the buyer's entry and one per supplier with new trades
  });

  it('creates nothing when the same file is imported again', async () => {
    const result = await run(importArgs(path.join(dir, 'purchases.csv')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/created +0\n/);
    expect(result.stdout).toMatch(/already present +5\n/);
    expect(result.stdout).toContain('failed           8');
    expect(await buyerTrades()).toBe(5);
    expect(await importNotifications(supplierMember)).toHaveLength(1);
  });

  it('checks everything and writes nothing in a dry run, not even the suppliers it would create', async () => {
    const before = { trades: await buyerTrades(), audit: await auditActions() };
    const organizations = await count('MATCH (o:Organization) RETURN count(o) AS n');
    const csv = file('dry.csv', [
      HEADER,
      `PO-20;${byId.id};;;Steel;${dotted(-2)};10;EUR;PUBLIC`,
      `PO-21;;Brand New Supplier Oy;;Steel;${dotted(-2)};10;EUR;PUBLIC`,
      `PO-22;${byId.id};;;Steel;${dotted(5)};10;EUR;PUBLIC`,
      `PO-1;${byId.id};;;Steel;${dotted(-30)};10;EUR;PUBLIC`,
      // Rows of a supplier that would be created still meet the row's own rules.
      `PO-23;;Brand New Supplier Oy;;No Such Category;${dotted(-2)};10;EUR;PUBLIC`,
      `PO-24;;Brand New Supplier Oy;;Steel;${dotted(5)};10;EUR;PUBLIC`,
      `PO-25;;Brand New Supplier Oy;;Steel;${dotted(-2)};10;XXX;PUBLIC`,
    ]);
    const result = await run(importArgs(csv, ['--dry-run', '--create-suppliers']));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Dry run (nothing written): checked 7 rows');
    expect(result.stdout).toMatch(/would be created +1\n/);
    expect(result.stdout).toMatch(/already present +1\n/);
    expect(result.stdout).toContain('failed           4');
    expect(result.stdout).toContain('1 rows name suppliers that would be created');
    const report = errorReport(csv);
    expect(report.slice(1).map(([line, error]) => [line, error])).toEqual([
      ['4', 'occurredOn cannot be in the future.'],
      ['6', 'No category has the id or name "No Such Category".'],
      ['7', 'occurredOn cannot be in the future.'],
      ['8', 'The currency XXX is not one the import converts (see docs/operations.md).'],
    ]);
    expect({ trades: await buyerTrades(), audit: await auditActions() }).toEqual(before);
    expect(await count('MATCH (o:Organization) RETURN count(o) AS n')).toBe(organizations);
    expect(await importNotifications(supplierMember)).toHaveLength(1);
  });

  it('creates unmatched suppliers as unclaimed SUPPLIER organizations with --create-suppliers', async () => {
    const csv = file('new-suppliers.csv', [
      HEADER,
      `PO-30;;Brand New Supplier Oy;brand-new.example;Steel;${dotted(-2)};10;EUR;PUBLIC`,
      `PO-31;;brand new  supplier OY;;Solvents;${dotted(-2)};10;EUR;PUBLIC`,
    ]);
    const result = await run(importArgs(csv, ['--create-suppliers']));
    expect([result.code, result.stdout]).toEqual([0, expect.stringContaining('1 created as unclaimed SUPPLIER')]);
    const [created] = await t.neo4j.read<Record<string, unknown>>(
      `MATCH (o:Organization {name: 'Brand New Supplier Oy'})
       RETURN o.roles AS roles, o.website AS website, o.country AS country, o.unclaimed AS unclaimed,
              COUNT { (o)<-[:WORKS_AT]-() } AS members, COLLECT { MATCH (o)-[:SUPPLIES]->(c) RETURN c.id ORDER BY c.id } AS supplies,
              COUNT { (o)<-[:SUPPLIER]-(:Trade) } AS trades`,
    );
    expect(created).toEqual({
      roles: ['SUPPLIER'],
      website: 'https://brand-new.example',
      country: 'DE',
      unclaimed: true,
      members: 0,
      supplies: [SOLVENTS, STEEL],
      trades: 2,
    });
    // Next time the supplier is matched by its name: nothing new is created.
    const again = await run(importArgs(csv, ['--create-suppliers']));
    expect([again.code, again.stdout]).toEqual([0, expect.stringMatching(/already present +2\n/)]);
    expect(await count(`MATCH (o:Organization {name: 'Brand New Supplier Oy'}) RETURN count(o) AS n`)).toBe(1);
  });

  it('creates no supplier for rows that all fail their own rules, and supplies only the categories of rows that pass', async () => {
    const organizations = await count('MATCH (o:Organization) RETURN count(o) AS n');
    const csv = file('new-suppliers-failing.csv', [
      HEADER,
      `PO-35;;Never Created Oy;;No Such Category;${dotted(-2)};10;EUR;PUBLIC`,
      `PO-36;;Never Created Oy;;Steel;${dotted(5)};10;EUR;PUBLIC`,
      `PO-37;;Half Good GmbH;;Steel;${dotted(-2)};10;EUR;PUBLIC`,
      `PO-38;;Half Good GmbH;;Solvents;${dotted(-2)};10;XXX;PUBLIC`,
    ]);
    const result = await run(importArgs(csv, ['--create-suppliers']));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/created +1\n/);
    expect(result.stdout).toContain('failed           3');
    expect(result.stdout).toContain('0 unmatched, 1 created as unclaimed SUPPLIER organizations');
    const report = errorReport(csv);
    expect(report.slice(1).map(([line, error]) => [line, error])).toEqual([
      ['2', 'No category has the id or name "No Such Category".'],
      ['3', 'occurredOn cannot be in the future.'],
      ['5', 'The currency XXX is not one the import converts (see docs/operations.md).'],
    ]);
    expect(await count(`MATCH (o:Organization {name: 'Never Created Oy'}) RETURN count(o) AS n`)).toBe(0);
    const [halfGood] = await t.neo4j.read<Record<string, unknown>>(
      `MATCH (o:Organization {name: 'Half Good GmbH'})
       RETURN COLLECT { MATCH (o)-[:SUPPLIES]->(c) RETURN c.id } AS supplies, COUNT { (o)<-[:SUPPLIER]-(:Trade) } AS trades`,
    );
    expect(halfGood).toEqual({ supplies: [STEEL], trades: 1 });
    expect(await count('MATCH (o:Organization) RETURN count(o) AS n')).toBe(organizations + 1);
  });

  it('refuses the whole import for someone who is not a current member of the buyer or is unverified, and for a bad mapping', async () => {
    const outsider = await newPerson(t);
    const csv = file('outsider.csv', [HEADER, `PO-40;${byId.id};;;Steel;${dotted(-2)};10;EUR;PUBLIC`]);
    const args = importArgs(csv);
    args[args.indexOf('--as') + 1] = outsider.email;
    const refused = await run(args);
    expect([refused.code, refused.stderr]).toEqual([
      1,
      'import-trades failed: Only a current member of the buyer may record its trades.\n',
    ]);
    const unverified = await newPerson(t, { verified: false });
    args[args.indexOf('--as') + 1] = unverified.email;
    expect(await run(args)).toMatchObject({
      code: 1,
      stderr: `import-trades failed: ${unverified.email} has not verified its email address yet.\n`,
    });
    const unmapped = await run([...importArgs(csv), '--map', 'order_id=PO Number']);
    expect([unmapped.code, unmapped.stderr]).toEqual([
      1,
      expect.stringContaining('no column for order_id (header "PO Number")'),
    ]);
    const usage = await run([...importArgs(csv), '--map', 'vendor=Lieferant']);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('Unknown field "vendor"')]);
    expect(await count(`MATCH (t:Trade {externalOrderId: 'PO-40'}) RETURN count(t) AS n`)).toBe(0);
  });

  // Seeds the whole demo network first, which takes most of a minute on a busy machine.
  it('imports the sample file of docs/examples into the demo data', async () => {
    await t.app.get(DemoSeeder).seed();
    const [cascade] = await t.neo4j.read<{ id: string }>(
      `MATCH (o:Organization {name: 'Cascade Machinery Inc.'}) RETURN o.id AS id`,
    );
    const felix = DEMO_ACCOUNTS.find((account) => account.key === 'felix')!.email;
    const sample = path.join(dir, 'purchases-sample.csv');
    fs.copyFileSync('docs/examples/purchases.csv', sample);
    const base = ['--file', sample, '--organization', cascade.id, '--as', felix];
    const first = await run(base);
    expect(first.stdout).toContain('Imported 1000 rows');
    const failed = Number(/failed +(\d+)/.exec(first.stdout)![1]);
    const created = Number(/created +(\d+)/.exec(first.stdout)![1]);
    expect(first.stdout).toContain('3 unmatched');
    expect([first.code, created + failed, failed > 0 && failed < 30]).toEqual([1, 1000, true]);
    const report = errorReport(sample);
    expect(new Set(report.slice(1).map((row) => row[1]))).toEqual(
      new Set([
        'No organization matches the supplier "Rheinland Kabelwerk GmbH".',
        'No organization matches the supplier "Tecnoplast Ibérica S.L.".',
        'No organization matches the supplier "Great Lakes Bearing Co.".',
      ]),
    );
    const rest = await run([...base, '--create-suppliers']);
    expect([rest.code, rest.stdout]).toEqual([0, expect.stringMatching(new RegExp(`created +${failed}\\n`))]);
    expect(rest.stdout).toMatch(/already present +\d+\n/);
    expect(rest.stdout).toContain('3 created as unclaimed SUPPLIER organizations');
  }, 180_000);
});
