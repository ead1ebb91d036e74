import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Neo4jService } from '../neo4j.service.js';
import { GRAPH_MIGRATIONS, GraphMigration } from './graph-migrations.js';

/** Migrations may touch every node, and a cold database at start-up is slow: far more time than a request gets. */
const MIGRATION_TIMEOUT = { timeoutMs: 600_000 };
const MIGRATION_CONSTRAINT =
  'CREATE CONSTRAINT graph_migration_version IF NOT EXISTS FOR (m:GraphMigration) REQUIRE m.version IS UNIQUE';

/** Applies the graph migrations that the database has not recorded yet, when the module starts. */
@Injectable()
export class GraphMigrator implements OnModuleInit {
  private readonly logger = new Logger('GraphMigrator');

  constructor(private readonly neo4j: Neo4jService) {}

  async onModuleInit(): Promise<void> {
    await this.migrate();
  }

  /** Returns the versions applied by this call. */
  async migrate(migrations: GraphMigration[] = GRAPH_MIGRATIONS): Promise<number[]> {
    await this.neo4j.write('GraphMigrator.migrate:constraint', MIGRATION_CONSTRAINT, {}, MIGRATION_TIMEOUT);
    const appliedRows = await this.neo4j.read<{ version: number }>(
      'GraphMigrator.migrate:applied',
      'MATCH (m:GraphMigration) RETURN m.version AS version',
      {},
      MIGRATION_TIMEOUT,
    );
    const applied = new Set(appliedRows.map((row) => row.version));
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const [index, statement] of migration.statements.entries()) {
        const step = `${migration.version}.${index + 1}`;
        if ('run' in statement) await statement.run(this.neo4j, `GraphMigrator.migrate:${step}`, MIGRATION_TIMEOUT);
        else {
          const { cypher, params } = statement;
          await this.neo4j.write(`GraphMigrator.migrate:${step}`, cypher, params ?? {}, MIGRATION_TIMEOUT);
        }
      }
      await this.neo4j.write(
        'GraphMigrator.migrate:record',
        'MERGE (m:GraphMigration {version: $version}) ON CREATE SET m.description = $description, m.appliedAt = datetime()',
        { version: migration.version, description: migration.description },
        MIGRATION_TIMEOUT,
      );
      this.logger.log(`applied graph migration ${migration.version}: ${migration.description}`);
      done.push(migration.version);
    }
    return done;
  }

  async appliedVersions(): Promise<number[]> {
    const rows = await this.neo4j.read<{ version: number }>(
      'GraphMigrator.appliedVersions',
      'MATCH (m:GraphMigration) RETURN m.version AS version ORDER BY version',
    );
    return rows.map((row) => row.version);
  }
}
