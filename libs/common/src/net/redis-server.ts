import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { freePort } from './free-port.js';

export interface RedisServer {
  url: string;
  process: ChildProcess;
}

/** Starts a throwaway redis-server (no persistence, loopback only; for tests and the bench) and resolves once it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: `apt-get install redis-server` (.ci/run installs it).');
  }
  const port = await freePort();
  const child = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

/** Stops the server and waits until it has exited. */
export async function stopRedis(redis: RedisServer | undefined): Promise<void> {
  if (!redis || redis.process.exitCode !== null || redis.process.signalCode !== null) return;
  const exited = new Promise((resolve) => redis.process.once('exit', resolve));
  redis.process.kill();
  await exited;
}
