import { PassThrough } from 'node:stream';
import { createProgress } from './import-progress.js';

/** A stream that keeps what is written to it, as a terminal or not. */
function fakeStream(isTTY: boolean) {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { written: string };
  let written = '';
  stream.isTTY = isTTY;
  stream.columns = 120;
  stream.cursorTo = (() => true) as NodeJS.WriteStream['cursorTo'];
  stream.clearLine = (() => true) as NodeJS.WriteStream['clearLine'];
  stream.moveCursor = (() => true) as NodeJS.WriteStream['moveCursor'];
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    written += String(chunk);
    return write(chunk, ...rest);
  }) as NodeJS.WriteStream['write'];
  Object.defineProperty(stream, 'written', { get: () => written });
  return stream;
}

describe('createProgress', () => {
  it('draws a bar with the count, rate and ETA on a terminal', () => {
    const stream = fakeStream(true);
    const progress = createProgress(stream, 'Importing');
    progress.update(0, 1000);
    progress.update(500, 1000);
    progress.update(1000, 1000);
    progress.stop();
    expect(stream.written).toMatch(/Importing .*100% \| 1000\/1000 rows \| \d+ rows\/s \| ETA 0s/);
  });

  it('writes plain lines elsewhere: the first at once, then at most every 2 s, and always the last', () => {
    const stream = fakeStream(false);
    const progress = createProgress(stream, 'Importing');
    progress.update(0, 1000);
    progress.update(10, 1000);
    progress.update(1000, 1000);
    progress.stop();
    const lines = stream.written.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Importing 0\/1000 rows \(0%\), \d+ rows\/s, ETA \d+ s$/);
    expect(lines[1]).toMatch(/^Importing 1000\/1000 rows \(100%\), \d+ rows\/s, ETA 0 s$/);
  });
});
