import { loadObservability } from './observability.config.js';

const load = (env: Record<string, string>, nodeEnv: string, terminal: boolean) => {
  const problems: string[] = [];
  const config = loadObservability((name) => env[name], problems, nodeEnv, terminal);
  return { config, problems };
};

describe('loadObservability', () => {
  it('logs readable lines only in development on a terminal, JSON everywhere else', () => {
    expect(load({}, 'development', true).config.logFormat).toBe('pretty');
    expect(load({}, 'development', false).config.logFormat).toBe('json');
    expect(load({}, 'production', true).config.logFormat).toBe('json');
    expect(load({}, 'test', true).config.logFormat).toBe('json');
    expect(load({ LOG_FORMAT: 'json' }, 'development', true).config.logFormat).toBe('json');
    expect(load({ LOG_FORMAT: 'pretty' }, 'production', false).config.logFormat).toBe('pretty');
  });

  it('leaves tracing off and /metrics open unless configured', () => {
    expect(load({}, 'production', false)).toEqual({ config: { logFormat: 'json' }, problems: [] });
    const configured = load(
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', METRICS_TOKEN: 'a'.repeat(16) },
      'production',
      false,
    );
    expect(configured).toEqual({
      config: { logFormat: 'json', otlpEndpoint: 'http://collector:4318', metricsToken: 'a'.repeat(16) },
      problems: [],
    });
  });

  it('names each bad setting', () => {
    const { problems } = load(
      { LOG_FORMAT: 'xml', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318', METRICS_TOKEN: 'short' },
      'production',
      false,
    );
    expect(problems).toEqual([
      'LOG_FORMAT must be one of json, pretty (got "xml")',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL',
      'METRICS_TOKEN must be at least 16 characters long',
    ]);
  });
});
