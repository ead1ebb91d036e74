import 'reflect-metadata';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, loadConfig } from '#tradegraph/config';
import { DEFAULT_IMPORT_BATCH } from '#tradegraph/trades';
import { createProgress } from './import-progress.js';
import { ImportTradesModule } from './import-trades.module.js';
import { ImportOptions, ImportSummary, runImport } from './trade-import-run.js';
import { DATE_FORMATS, DateFormat, parseMapping } from './trade-csv.js';

const USAGE = `Usage: npm run import:trades -- --file purchases.csv --organization <buyer id> --as <member email>
         [--mapping mapping.json] [--map field=Header ...] [--delimiter ';'|','] [--date-format F]
         [--create-suppliers] [--dry-run] [--errors report.csv] [--batch-size N]

Imports a buyer's trades from an ERP export (CSV) as PENDING trades, recorded by the member --as, under
every rule of recordTrade. Importing the same rows again creates nothing (rows are keyed by order id).
Failed rows go to the error report (default: the file's name with .errors.csv); the exit code is 1 when
any row failed, 2 for a usage or configuration error. --dry-run checks everything and writes nothing.
Date formats: ${DATE_FORMATS.join(', ')}. Columns and mapping: docs/operations.md.`;

class UsageError extends Error {}

function parseOptions(argv: string[]): ImportOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        file: { type: 'string' },
        organization: { type: 'string' },
        as: { type: 'string' },
        mapping: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        delimiter: { type: 'string' },
        'date-format': { type: 'string', default: 'yyyy-mm-dd' },
        'create-suppliers': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        errors: { type: 'string' },
        'batch-size': { type: 'string', default: String(DEFAULT_IMPORT_BATCH) },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError('');
  for (const name of ['file', 'organization', 'as'] as const) {
    if (!values[name]) throw new UsageError(`--${name} is required.`);
  }
  if (values.delimiter !== undefined && values.delimiter !== ';' && values.delimiter !== ',') {
    throw new UsageError(`--delimiter must be ';' or ',' (got "${values.delimiter}").`);
  }
  const dateFormat = values['date-format'] as DateFormat;
  if (!DATE_FORMATS.includes(dateFormat)) {
    throw new UsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')} (got "${dateFormat}").`);
  }
  const batchSize = Number(values['batch-size']);
  if (!/^\d+$/.test(values['batch-size']) || batchSize < 1 || batchSize > 50_000) {
    throw new UsageError(`--batch-size must be an integer from 1 to 50000 (got "${values['batch-size']}").`);
  }
  let mapping;
  try {
    mapping = parseMapping(values.mapping ? fs.readFileSync(values.mapping, 'utf8') : null, values.map);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return {
    file: values.file!,
    organizationId: values.organization!,
    as: values.as!,
    mapping,
    delimiter: values.delimiter as ';' | ',' | undefined,
    dateFormat,
    createSuppliers: values['create-suppliers'],
    dryRun: values['dry-run'],
    batchSize,
    errorsFile: values.errors,
  };
}

function report(summary: ImportSummary, options: ImportOptions): string {
  const rate = Math.round(summary.rows / Math.max(summary.seconds, 0.001));
  const would = options.dryRun ? 'would be ' : '';
  const lines = [
    `${options.dryRun ? 'Dry run (nothing written): checked' : 'Imported'} ${summary.rows} rows of ${options.file} ` +
      `in ${summary.seconds.toFixed(1)} s (${rate} rows/s):`,
    `  ${would}created      ${summary.created}`,
    `  already present  ${summary.present}`,
    `  failed           ${summary.failed}${summary.errorsFile ? ` (reasons in ${summary.errorsFile})` : ''}`,
    `  suppliers        ${summary.suppliersMatched} matched, ${summary.suppliersUnmatched.length} unmatched` +
      (summary.suppliersCreated ? `, ${summary.suppliersCreated} created as unclaimed SUPPLIER organizations` : ''),
  ];
  if (summary.forNewSuppliers > 0) {
    lines.push(`  ${summary.forNewSuppliers} rows name suppliers that would be created; they are checked on import`);
  }
  const shown = summary.suppliersUnmatched.slice(0, 20);
  for (const name of shown) lines.push(`    unmatched: ${name}`);
  if (summary.suppliersUnmatched.length > shown.length) {
    lines.push(`    … and ${summary.suppliersUnmatched.length - shown.length} more (see the error report)`);
  }
  if (summary.suppliersUnmatched.length > 0 && !options.createSuppliers) {
    lines.push('  (--create-suppliers creates unmatched suppliers as unclaimed SUPPLIER organizations)');
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  let config = loadConfig(process.env);
  if (!config.neo4j.uri) {
    config = { ...config, neo4j: { ...config.neo4j, uri: `bolt://127.0.0.1:${config.neo4j.localBoltPort}` } };
  }
  const app = await NestFactory.createApplicationContext(ImportTradesModule.forRoot(config), {
    logger: ['warn', 'error'],
  });
  try {
    const summary = await runImport(app, options, createProgress(process.stderr, 'Importing'));
    process.stdout.write(`${report(summary, options)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigValidationError) {
      process.stderr.write(
        `${error.message ? `${error.message}\n\n` : ''}${error instanceof UsageError ? USAGE : ''}\n`,
      );
      process.exit(2);
    }
    process.stderr.write(`import-trades failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
