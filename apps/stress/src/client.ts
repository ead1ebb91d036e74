/** A minimal GraphQL-over-HTTP client that times every call and classifies its outcome. */
export interface Outcome {
  ms: number;
  /** 'OK', an extensions.code, 'HTTP_<status>' or 'NETWORK'. */
  code: string;
  data?: Record<string, unknown> | null;
}

export class GraphQLClient {
  constructor(
    private readonly url: string,
    /** Stands for the client's own address when the API trusts the loopback proxy (TRUST_PROXY). */
    private readonly forwardedFor: string,
    private readonly timeoutMs = 30_000,
  ) {}

  token?: string;

  async send(query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
    const started = performance.now();
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': this.forwardedFor,
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      let body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
      try {
        body = JSON.parse(text);
      } catch {
        return { ms, code: `HTTP_${response.status}` };
      }
      const code = body.errors?.[0]?.extensions?.code ?? (response.ok ? 'OK' : `HTTP_${response.status}`);
      return { ms, code, data: body.data };
    } catch {
      return { ms: performance.now() - started, code: 'NETWORK' };
    }
  }
}

/** p-th percentile (0..100) of the values, by nearest rank; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
