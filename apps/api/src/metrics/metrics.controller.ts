import { Controller, Get, Header, Inject, Req, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Metrics, Public, scrapeMetrics } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { sqlPoolStats } from './sql-pool-stats.js';

/** Prometheus metrics (docs/operations.md, "Metrics"), of every worker together, behind METRICS_TOKEN when it is set. */
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly token?: Buffer;

  constructor(
    private readonly metrics: Metrics,
    sql: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const token = config.observability.metricsToken;
    this.token = token === undefined ? undefined : Buffer.from(`Bearer ${token}`);
    metrics.readSqlPool = () => sqlPoolStats(sql);
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('cache-control', 'no-store')
  async scrape(@Req() req: Request): Promise<string> {
    if (this.token) {
      const given = Buffer.from(req.header('authorization') ?? '');
      if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) {
        throw new UnauthorizedException('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.');
      }
    }
    return scrapeMetrics(this.metrics.registry);
  }
}
