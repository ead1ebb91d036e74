import cliProgress from 'cli-progress';

/** Reports how far the import is: a bar with rate and ETA on a terminal, a plain line every few seconds elsewhere. */
export interface ImportProgress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Plain lines at most this often (and at the end), so logs stay short. */
const LINE_EVERY_MS = 2000;

export function createProgress(stream: NodeJS.WriteStream, label: string): ImportProgress {
  const started = performance.now();
  const rate = (done: number) => Math.round(done / Math.max((performance.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`,
        etaBuffer: 20,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update(done, total) {
        if (!begun) bar.start(total, done, { rate: 0 });
        begun = true;
        bar.update(done, { rate: rate(done) });
      },
      stop: () => begun && bar.stop(),
    };
  }
  let last = -Infinity;
  return {
    update(done, total) {
      const now = performance.now();
      if (done < total && now - last < LINE_EVERY_MS) return;
      last = now;
      const perSecond = rate(done);
      const eta = perSecond > 0 ? Math.ceil((total - done) / perSecond) : 0;
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      stream.write(`${label} ${done}/${total} rows (${percent}%), ${perSecond} rows/s, ETA ${eta} s\n`);
    },
    stop: () => undefined,
  };
}
