import { register } from 'node:module';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { createAddHookMessageChannel } from 'import-in-the-middle';

/** Only these routes are worth a span; probes and scrapes would drown the traces. */
const UNTRACED_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * Starts the OpenTelemetry SDK: HTTP, Express and GraphQL instrumentations, spans exported over OTLP
 * (OTEL_EXPORTER_OTLP_ENDPOINT; http/protobuf unless OTEL_EXPORTER_OTLP_PROTOCOL says otherwise).
 * The ESM loader hook lets the instrumentations patch modules that are imported rather than required.
 * Returns the function that flushes and stops the SDK.
 */
export async function startTracing(): Promise<() => Promise<void>> {
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, registerOptions);
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME?.trim() || 'tradegraph-api',
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.includes((req.url ?? '').split('?')[0]),
      }),
      new ExpressInstrumentation(),
      // Resolver spans only for fields with their own resolver, not for every property read.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();
  return () => sdk.shutdown();
}
