/** The part of a graphql-ws connection context this needs: its running operations by id. */
interface Connection {
  subscriptions: Record<string, unknown>;
  extra: unknown;
}

interface ClosingSocket {
  once(event: 'close', listener: () => void): unknown;
}

/**
 * The graphql-ws connections of this instance, to count their running subscriptions for the
 * tradegraph_live_subscriptions gauge. graphql-ws keeps each running subscription's event stream in
 * `ctx.subscriptions` (a query in flight has a null placeholder there), so the count is read from it.
 */
export class LiveSubscriptions {
  private readonly connections = new Set<Connection>();

  track(ctx: Connection): void {
    this.connections.add(ctx);
    (ctx.extra as { socket: ClosingSocket }).socket.once('close', () => this.connections.delete(ctx));
  }

  count(): number {
    let count = 0;
    for (const ctx of this.connections) {
      count += Object.values(ctx.subscriptions).filter((stream) => stream != null).length;
    }
    return count;
  }
}
