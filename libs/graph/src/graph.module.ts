import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '#tradegraph/config';
import neo4j, { Driver } from 'neo4j-driver';
import { GraphMigrator } from './migrations/graph-migrator.js';
import { NEO4J_DRIVER } from './neo4j.tokens.js';
import { Neo4jService } from './neo4j.service.js';

/** The Neo4j driver, created once per process, and the graph migrations applied at start-up. */
@Global()
@Module({
  providers: [
    {
      provide: NEO4J_DRIVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Driver => {
        const { uri, username, password } = config.neo4j;
        if (!uri) throw new Error('The Neo4j URI must be known before the graph module starts.');
        const auth = username && password ? neo4j.auth.basic(username, password) : undefined;
        // Short waits on purpose: a request that cannot get a connection fails fast as
        // SERVICE_UNAVAILABLE instead of queueing behind others until the client gives up.
        const acquisitionMs = config.neo4j.connectionAcquisitionTimeoutMs;
        return neo4j.driver(uri, auth, {
          maxConnectionPoolSize: config.neo4j.maxConnectionPoolSize,
          connectionAcquisitionTimeout: acquisitionMs,
          connectionTimeout: acquisitionMs,
          maxTransactionRetryTime: config.neo4j.maxTransactionRetryTimeMs,
          disableLosslessIntegers: false,
        });
      },
    },
    Neo4jService,
    GraphMigrator,
  ],
  exports: [Neo4jService, GraphMigrator],
})
export class GraphModule {}
