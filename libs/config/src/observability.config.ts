/** Logs, traces and metrics (docs/operations.md, "Observability"). */
export interface ObservabilityConfig {
  /** `pretty`: human-readable lines (pino-pretty); `json`: one JSON object per line. */
  logFormat: 'json' | 'pretty';
  /** Where traces are sent over OTLP; tracing is off when unset. */
  otlpEndpoint?: string;
  /** When set, GET /metrics answers only requests carrying `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/**
 * Pretty logs by default only in development when stdout is a terminal, so that a process manager
 * or a container always gets JSON. The tracing bootstrap reads OTEL_EXPORTER_OTLP_ENDPOINT itself
 * (it runs before anything else); it is validated here so that a bad value stops the start.
 */
export function loadObservability(
  text: (name: string) => string | undefined,
  problems: string[],
  nodeEnv: string,
  stdoutIsTerminal: boolean,
): ObservabilityConfig {
  const formats: readonly string[] = ['json', 'pretty'];
  const fallback = nodeEnv === 'development' && stdoutIsTerminal ? 'pretty' : 'json';
  const raw = text('LOG_FORMAT') ?? fallback;
  if (!formats.includes(raw)) problems.push(`LOG_FORMAT must be one of ${formats.join(', ')} (got "${raw}")`);
  const otlpEndpoint = text('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (otlpEndpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(otlpEndpoint)) {
    problems.push('OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL');
  }
  const metricsToken = text('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) {
    problems.push('METRICS_TOKEN must be at least 16 characters long');
  }
  return {
    logFormat: (formats.includes(raw) ? raw : fallback) as ObservabilityConfig['logFormat'],
    otlpEndpoint,
    metricsToken,
  };
}
