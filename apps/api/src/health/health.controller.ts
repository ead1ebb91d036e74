import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { Public } from '#tradegraph/common';
import { Neo4jService } from '#tradegraph/graph';
import { RateLimiterStore } from '#tradegraph/rate-limits';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

type Check = 'up' | 'down';

/** Liveness and readiness probes for load balancers and orchestrators. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly sql: DataSource,
    private readonly rateLimits: RateLimiterStore,
  ) {}

  /** The process is running and serving HTTP. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Both databases answer; 503 when either does not. Redis (when REDIS_URL is set) is reported too,
   * but the service works without it (limits count per instance, live notifications stay in-process
   * until it is back), so a Redis that is down makes the status `degraded`, still 200.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: string; checks: Record<string, Check> }> {
    const [neo4j, sql, redis] = await Promise.all([
      probe(() => this.neo4j.ping()),
      probe(() => this.sql.query('SELECT 1')),
      this.rateLimits.redisHealth(),
    ]);
    const ok = neo4j === 'up' && sql === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const status = !ok ? 'unavailable' : redis === 'down' ? 'degraded' : 'ok';
    return { status, checks: { neo4j, sql, ...(redis ? { redis } : {}) } };
  }
}

async function probe(check: () => Promise<unknown>): Promise<Check> {
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
    ]);
    return 'up';
  } catch {
    return 'down';
  }
}
