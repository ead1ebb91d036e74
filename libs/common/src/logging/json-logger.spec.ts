import { JsonLogger } from './json-logger.js';
import { requestContext } from './request-context.js';

describe('JsonLogger', () => {
  const capture = (level: 'debug' | 'info' | 'warn' | 'error' = 'info') => {
    const lines: string[] = [];
    return { lines, logger: new JsonLogger(level, (line) => lines.push(line)) };
  };

  it('writes one JSON object per line with time, level, context and the request id', () => {
    const { lines, logger } = capture();
    requestContext.run({ requestId: 'req-1' }, () => logger.log('hello', 'Http'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      level: 'info',
      context: 'Http',
      requestId: 'req-1',
      msg: 'hello',
    });
  });

  it('merges object messages and omits the request id outside a request', () => {
    const { lines, logger } = capture();
    logger.warn({ msg: 'slow', durationMs: 12 }, 'Db');
    expect(JSON.parse(lines[0])).toEqual({
      time: expect.any(String),
      level: 'warn',
      context: 'Db',
      msg: 'slow',
      durationMs: 12,
    });
  });

  it('drops lines below its level', () => {
    const { lines, logger } = capture('warn');
    logger.log('info line');
    logger.debug('debug line');
    logger.error('error line');
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(['error']);
  });
});
