import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { AccountsService, AuditLogService } from '#tradegraph/accounts';
import { CategoriesService } from '#tradegraph/categories';
import { AuthUser, websiteHost } from '#tradegraph/common';
import { nameKey, OrganizationsService, vatKey } from '#tradegraph/organizations';
import {
  AmountBand,
  amountBandOf,
  occurredOnProblem,
  TradeImportRow,
  TradeImportService,
  TradeVisibility,
} from '#tradegraph/trades';
import { stringify } from 'csv-stringify/sync';
import { ImportProgress } from './import-progress.js';
import { ColumnMapping, CsvTrade, DateFormat, readCsv, RowFailure, toTrades } from './trade-csv.js';

export interface ImportOptions {
  file: string;
  organizationId: string;
  as: string;
  mapping: ColumnMapping;
  delimiter?: ';' | ',';
  dateFormat: DateFormat;
  createSuppliers: boolean;
  dryRun: boolean;
  batchSize: number;
  /** Where the failed rows go; defaults to the file's name with .errors.csv. */
  errorsFile?: string;
}

export interface ImportSummary {
  rows: number;
  created: number;
  present: number;
  failed: number;
  /** Rows a dry run with --create-suppliers finds good for the suppliers it would create (their own rules only). */
  forNewSuppliers: number;
  suppliersMatched: number;
  suppliersUnmatched: string[];
  suppliersCreated: number;
  errorsFile: string | null;
  seconds: number;
}

/** A problem that stops the whole import (unknown account, not a member, unreadable file). */
export class ImportRefused extends Error {}

/** One distinct supplier of the file, with the rows that name it. */
interface SupplierGroup {
  reference: CsvTrade['supplier'];
  country: string | null;
  trades: CsvTrade[];
  organizationId: string | null;
  reason: string | null;
}

/** Reads, matches and imports the file for the buyer; writes the error report; returns the summary. */
export async function runImport(
  app: INestApplicationContext,
  options: ImportOptions,
  progress: ImportProgress,
): Promise<ImportSummary> {
  const started = performance.now();
  const organizations = app.get(OrganizationsService);
  const tradeImport = app.get(TradeImportService);
  const user = await app.get(AccountsService).findUserByEmail(options.as);
  if (!user) throw new ImportRefused(`No account has the email ${options.as}.`);
  // As for recordTrade: only an account with a verified email address records trades.
  if (!user.emailVerified) throw new ImportRefused(`${options.as} has not verified its email address yet.`);
  const buyer = (await organizations.findByIds([options.organizationId]))[0];
  if (!buyer) throw new ImportRefused(`No organization has the id ${options.organizationId}.`);
  await tradeImport.requireImporter(user, buyer.id).catch((error: Error) => {
    throw new ImportRefused(error.message);
  });

  let table;
  try {
    table = readCsv(fs.readFileSync(options.file), options.delimiter);
  } catch (error) {
    throw new ImportRefused(`Cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let read;
  try {
    read = toTrades(table, options.mapping, options.dateFormat);
  } catch (error) {
    throw new ImportRefused(error instanceof Error ? error.message : String(error));
  }
  const failures: RowFailure[] = [...read.failures];
  const valuesAt = new Map(table.records.map((record) => [record.line, record.values]));
  const fail = (line: number, reason: string) => failures.push({ line, values: valuesAt.get(line) ?? [], reason });

  const categoryIdOf = await categoryResolver(app.get(CategoriesService));
  const groups = await matchSuppliers(organizations, read.trades);
  const createdSupplierIds: string[] = [];
  let forNewSuppliers = 0;
  // Unmatched suppliers with a name, grouped by it: each becomes one organization, supplying all their rows' categories.
  const toCreate = new Map<string, SupplierGroup[]>();
  for (const group of groups) {
    if (group.organizationId || !options.createSuppliers || group.reference.id || !group.reference.name) continue;
    const key = nameKey(group.reference.name);
    toCreate.set(key, [...(toCreate.get(key) ?? []), group]);
  }
  for (const same of toCreate.values()) {
    // Nothing to match these rows against, but their own rules apply first: a supplier is only created
    // for rows that can become its trades, and a dry run counts only those.
    for (const group of same) {
      group.reason = null;
      group.trades = group.trades.filter((trade) => {
        const checked = checkRow(trade, categoryIdOf);
        const reason = 'reason' in checked ? checked.reason : (occurredOnProblem(trade.occurredOn)?.message ?? null);
        if (reason) fail(trade.line, reason);
        return !reason;
      });
    }
    if (options.dryRun) {
      forNewSuppliers += same.reduce((sum, group) => sum + group.trades.length, 0);
      continue;
    }
    if (same.every((group) => group.trades.length === 0)) continue;
    const trades = same.flatMap((group) => group.trades);
    const categoryIds = [
      ...new Set(trades.map((trade) => categoryIdOf(trade.category)).filter((id): id is string => !!id)),
    ];
    const first = <K extends keyof CsvTrade['supplier']>(field: K) =>
      same.map((group) => group.reference[field]).find((value) => value) ?? null;
    try {
      const [id] = await organizations.createUnclaimedSuppliers([
        {
          name: first('name')!,
          website: first('website'),
          vatNumber: first('vatNumber'),
          country: same.map((group) => group.country).find((country) => country) ?? buyer.country,
          categoryIds,
        },
      ]);
      createdSupplierIds.push(id);
      for (const group of same) group.organizationId = id;
    } catch (error) {
      const reason = `The supplier could not be created: ${error instanceof Error ? error.message : String(error)}`;
      for (const group of same) group.reason = reason;
    }
  }

  const rows: TradeImportRow[] = [];
  for (const group of groups) {
    for (const trade of group.trades) {
      if (!group.organizationId) {
        if (group.reason) fail(trade.line, group.reason);
        continue;
      }
      const checked = checkRow(trade, categoryIdOf);
      if ('reason' in checked) {
        fail(trade.line, checked.reason);
        continue;
      }
      const { categoryId, amountBand } = checked;
      rows.push({
        line: trade.line,
        externalOrderId: trade.externalOrderId,
        supplierId: group.organizationId,
        categoryId,
        occurredOn: trade.occurredOn,
        amountBand,
        visibility: trade.visibility === 'PRIVATE' ? TradeVisibility.PRIVATE : TradeVisibility.PUBLIC,
      });
    }
  }
  rows.sort((a, b) => a.line - b.line);

  const result = await tradeImport.import(user, buyer.id, rows, {
    dryRun: options.dryRun,
    batchSize: options.batchSize,
    // Rows that failed before (unreadable, unmatched) count as done from the start.
    onProgress: (done, total) => progress.update(done + table.records.length - total, table.records.length),
  });
  progress.stop();
  for (const outcome of result.outcomes) if (outcome.status === 'FAILED') fail(outcome.line, outcome.reason ?? '');
  const count = (status: string) => result.outcomes.filter((outcome) => outcome.status === status).length;
  const summary: ImportSummary = {
    rows: table.records.length,
    created: count('CREATED'),
    present: count('PRESENT'),
    failed: failures.length,
    forNewSuppliers,
    suppliersMatched: new Set(
      groups
        .map((group) => group.organizationId)
        .filter((id): id is string => !!id && !createdSupplierIds.includes(id)),
    ).size,
    suppliersUnmatched: [
      ...new Set(
        groups
          // A supplier left uncreated has no reason of its own: its rows failed on theirs.
          .filter((group) => !group.organizationId && group.reason !== null)
          .map((group) => supplierLabel(group.reference)),
      ),
    ],
    suppliersCreated: createdSupplierIds.length,
    errorsFile: failures.length > 0 ? writeErrorReport(options, table.header, table.delimiter, failures) : null,
    seconds: (performance.now() - started) / 1000,
  };
  if (!options.dryRun) await audit(app, user, buyer.id, options, summary, result.createdBySupplier, createdSupplierIds);
  return summary;
}

/** A row's category and amount band, or why it has none. */
function checkRow(
  trade: CsvTrade,
  categoryIdOf: (idOrName: string) => string | null,
): { categoryId: string; amountBand: AmountBand } | { reason: string } {
  const categoryId = categoryIdOf(trade.category);
  if (!categoryId) return { reason: `No category has the id or name "${trade.category}".` };
  const amountBand = amountBandOf(trade.amount, trade.currency);
  if (!amountBand) {
    return { reason: `The currency ${trade.currency} is not one the import converts (see docs/operations.md).` };
  }
  return { categoryId, amountBand };
}

/** Category ids by id or by name (ignoring case); a name two categories share resolves to neither. */
async function categoryResolver(categories: CategoriesService): Promise<(idOrName: string) => string | null> {
  const roots = await categories.roots();
  const all = [...roots, ...(await categories.childrenOf(roots.map((root) => root.id)))];
  const ids = new Set(all.map((category) => category.id));
  const byName = new Map<string, string | null>();
  for (const category of all) {
    const key = nameKey(category.name);
    byName.set(key, byName.has(key) ? null : category.id);
  }
  return (idOrName) => (ids.has(idOrName.trim()) ? idOrName.trim() : (byName.get(nameKey(idOrName)) ?? null));
}

/** Groups the rows by the supplier they name and matches each distinct supplier once. */
async function matchSuppliers(organizations: OrganizationsService, trades: CsvTrade[]): Promise<SupplierGroup[]> {
  const groups = new Map<string, SupplierGroup>();
  for (const trade of trades) {
    const { id, name, website, vatNumber } = trade.supplier;
    const key = id
      ? `id:${id}`
      : `vat:${vatNumber ? vatKey(vatNumber) : ''}|web:${websiteHost(website) ?? ''}|name:${name ? nameKey(name) : ''}`;
    const group = groups.get(key) ?? {
      reference: trade.supplier,
      country: null,
      trades: [],
      organizationId: null,
      reason: null,
    };
    group.trades.push(trade);
    group.country ??= trade.supplierCountry;
    groups.set(key, group);
  }
  const list = [...groups.values()];
  const matches = await organizations.matchSuppliers(list.map((group) => group.reference));
  list.forEach((group, index) => {
    const match = matches[index];
    if (match.organizationId === null) group.reason = match.reason;
    else group.organizationId = match.organizationId;
  });
  return list;
}

const supplierLabel = (reference: CsvTrade['supplier']) =>
  reference.name ?? reference.id ?? reference.website ?? reference.vatNumber ?? '?';

/** The failed rows as they were read, after their line number and the reason, in the file's own separator. */
function writeErrorReport(options: ImportOptions, header: string[], delimiter: string, failures: RowFailure[]): string {
  const file = options.errorsFile ?? options.file.replace(/(\.csv)?$/i, '.errors.csv');
  const sorted = [...failures].sort((a, b) => a.line - b.line);
  fs.writeFileSync(
    file,
    stringify(
      [['line', 'error', ...header], ...sorted.map((failure) => [failure.line, failure.reason, ...failure.values])],
      {
        delimiter,
        bom: true,
      },
    ),
  );
  return file;
}

/**
 * One audit entry for the buyer with the whole summary, and one for each supplier the import created
 * trades with, holding only its own count: a supplier's admins never learn about the buyer's other suppliers.
 */
async function audit(
  app: INestApplicationContext,
  user: AuthUser,
  buyerId: string,
  options: ImportOptions,
  summary: ImportSummary,
  createdBySupplier: Map<string, number>,
  createdSupplierIds: string[],
): Promise<void> {
  const log = app.get(AuditLogService);
  const { rows, created, present, failed } = summary;
  await log.record({
    actorId: user.id,
    action: 'importTrades',
    targetId: buyerId,
    details: {
      file: path.basename(options.file),
      rows,
      created,
      present,
      failed,
      suppliersCreated: createdSupplierIds,
    },
    organizationIds: [buyerId],
  });
  for (const [supplierId, count] of createdBySupplier) {
    await log.record({
      actorId: user.id,
      action: 'importTrades',
      targetId: buyerId,
      details: { buyerId, supplierId, created: count },
      organizationIds: [supplierId],
    });
  }
}
