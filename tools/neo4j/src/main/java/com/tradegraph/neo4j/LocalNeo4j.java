package com.tradegraph.neo4j;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with Bolt on 127.0.0.1 only.
 * Usage: LocalNeo4j HOME_DIR BOLT_PORT PAGE_CACHE_MB
 * Heap size is set by the caller with -Xmx. Prints "NEO4J_READY bolt://127.0.0.1:PORT" once Bolt accepts connections.
 */
public final class LocalNeo4j {
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: LocalNeo4j HOME_DIR BOLT_PORT PAGE_CACHE_MB");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = Long.parseLong(args[2]);

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.shutdown();
      System.out.println("NEO4J_STOPPED");
      stopped.countDown();
    }, "neo4j-shutdown"));

    // build() returns once the default database is available and Bolt is listening.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000);
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }
}
