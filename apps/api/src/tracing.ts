/**
 * The tracing bootstrap, loaded before anything else (`node --import ./dist/apps/api/src/tracing.js`,
 * see the start script) so that the instrumented modules (http, express, graphql) are patched when
 * they first load. With no OTEL_EXPORTER_OTLP_ENDPOINT it loads nothing and tracing costs nothing:
 * the spans that Neo4jService starts go to the OpenTelemetry API's no-op tracer.
 *
 * The SDK reads the standard OTEL_* variables itself (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_PROTOCOL,
 * OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, …); libs/config validates the endpoint at start-up.
 */
type Stop = () => Promise<void>;

let stop: Stop | undefined;
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) {
  const { startTracing } = await import('./start-tracing.js');
  stop = await startTracing();
}

/** Sends the spans still buffered; main.ts calls it on shutdown. */
export async function stopTracing(): Promise<void> {
  await stop?.();
}
