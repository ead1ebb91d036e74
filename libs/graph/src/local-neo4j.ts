import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { LAUNCHER_MAIN_CLASS, removePidFile, stopLeftoverNeo4j, writePidFile } from './leftover-neo4j.js';

export interface LocalNeo4jOptions {
  /** Where the database keeps its files. */
  homeDir: string;
  boltPort: number;
  heapMb: number;
  pageCacheMb: number;
  /** Progress messages (building the launcher, starting, ready). */
  log?: (message: string) => void;
  /** How long to wait for Bolt, in milliseconds. */
  timeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  /** The JVM's process id. */
  pid: number;
  /** Settles when the JVM exits, for whatever reason, with how it ended (for example "exit code 1", "signal SIGKILL"). */
  exited: Promise<string>;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after 30 s). */
  stop(): Promise<void>;
}

const LAUNCHER_DIR = findLauncherDir(path.dirname(fileURLToPath(import.meta.url)));
// The same --add-opens flags Neo4j's own server start script passes to the JVM.
export const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

/** The Maven launcher project, tools/neo4j, found by walking up from this file (source or build output). */
function findLauncherDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tools', 'neo4j');
    if (fs.existsSync(path.join(candidate, 'pom.xml'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error('tools/neo4j/pom.xml was not found above ' + from);
  }
}

/** Builds tools/neo4j with Maven unless its classes and jars are already there. */
export function ensureLauncherBuilt(log: (message: string) => void = () => undefined): void {
  const classes = path.join(LAUNCHER_DIR, 'target/classes/com/tradegraph/neo4j/LocalNeo4j.class');
  const lib = path.join(LAUNCHER_DIR, 'target/lib');
  if (fs.existsSync(classes) && fs.existsSync(lib)) return;
  log('Building the local Neo4j launcher with Maven (first run only; downloads Neo4j, about 130 MB)...');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: LAUNCHER_DIR, stdio: 'inherit' });
  if (result.error) throw new Error(`Could not run Maven (is it installed?): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`Maven failed to build ${LAUNCHER_DIR} (exit ${result.status}).`);
}

/** The launcher's classes and Neo4j's jars (the server, the driver-facing Bolt and neo4j-admin's tools). */
export function launcherClasspath(): string {
  return [path.join(LAUNCHER_DIR, 'target/classes'), path.join(LAUNCHER_DIR, 'target/lib/*')].join(path.delimiter);
}

/**
 * Starts Neo4j Community in a child JVM with Bolt on 127.0.0.1, waits until the driver can
 * connect, and returns a handle whose stop() shuts it down cleanly (SIGTERM, then SIGKILL).
 * A Neo4j left running on the same home directory by a process that died is stopped first.
 * The JVM's standard input is a pipe from this process: when this process dies, however
 * abruptly, the pipe closes and the JVM shuts itself down.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => undefined);
  ensureLauncherBuilt(log);
  const homeDir = path.resolve(options.homeDir);
  fs.mkdirSync(homeDir, { recursive: true });
  await stopLeftoverNeo4j(homeDir, log);
  const classpath = launcherClasspath();
  log(`Starting local Neo4j on bolt://127.0.0.1:${options.boltPort} (data in ${homeDir})...`);
  const child = spawn(
    'java',
    [
      `-Xms${options.heapMb}m`,
      `-Xmx${options.heapMb}m`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      LAUNCHER_MAIN_CLASS,
      homeDir,
      String(options.boltPort),
      String(options.pageCacheMb),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  // Nothing is ever written to stdin; its only job is to close when this process ends.
  child.stdin?.on('error', () => undefined);
  const pid = child.pid ?? 0;
  if (pid > 0) writePidFile(homeDir, pid);
  const output: string[] = [];
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      if (pid > 0) removePidFile(homeDir, pid);
      resolve(signal ? `signal ${signal}` : `exit code ${code}`);
    });
    // Java could not be run at all: there will be no exit event.
    child.once('error', (error) => {
      output.push(`${error.message}\n`);
      if (pid === 0) resolve(`not started: ${error.message}`);
    });
  });
  const ready = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output.push(text);
      if (output.length > 200) output.shift();
      if (text.includes('NEO4J_READY')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    });
  });

  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`Local Neo4j did not start (${outcome}). Its output:\n${output.join('').slice(-4000)}`);
  }
  try {
    await waitForBolt(uri, timeoutMs);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  log(`Local Neo4j is ready at ${uri}.`);
  return { uri, pid, exited, stop: () => stopChild(child, exited) };
}

async function waitForBolt(uri: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const driver = neo4j.driver(uri);
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await driver.close();
  }
}

async function stopChild(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(killer);
}
