import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The launcher's main class, as it appears on the JVM's command line. */
export const LAUNCHER_MAIN_CLASS = 'com.tradegraph.neo4j.LocalNeo4j';
const PID_FILE = 'tradegraph-neo4j.pid';

/**
 * Records which process runs the Neo4j of this home directory, and which process started it, so
 * that a later start can find it and tell a leftover from one still in use.
 */
export function writePidFile(homeDir: string, pid: number, ownerPid: number = process.pid): void {
  fs.writeFileSync(path.join(homeDir, PID_FILE), `${pid}\n${ownerPid}\n`);
}

/** Removes the pid file if it still names this process (a newer start may have replaced it). */
export function removePidFile(homeDir: string, pid: number): void {
  const file = path.join(homeDir, PID_FILE);
  if (readPid(file) === pid) fs.rmSync(file, { force: true });
}

/**
 * Stops a Neo4j left running on this home directory by an earlier process that died without
 * stopping it (it holds the store lock and the Bolt port). The pid from the pid file is trusted
 * only if that process is still our launcher's JVM for this same directory; pids get reused.
 */
export async function stopLeftoverNeo4j(homeDir: string, log: (message: string) => void): Promise<void> {
  const file = path.join(homeDir, PID_FILE);
  const [pid, owner] = readPids(file);
  if (pid === undefined) return;
  if (!isLauncherOf(pid, homeDir)) {
    fs.rmSync(file, { force: true });
    return;
  }
  // Its starter is still alive (a second `npm start` on the same DATA_DIR): not a leftover.
  if (owner !== undefined && owner !== process.pid && parentOf(pid) === owner) {
    throw new Error(`The local Neo4j in ${homeDir} (pid ${pid}) is in use by process ${owner}; use another DATA_DIR.`);
  }
  log(`Stopping a leftover local Neo4j (pid ${pid}) that still runs on ${homeDir}...`);
  signal(pid, 'SIGTERM');
  // A clean shutdown flushes the store; it can take a while on a slow machine.
  if (!(await waitUntilGone(pid, homeDir, 30_000))) {
    log(`The leftover Neo4j (pid ${pid}) did not stop in 30 s; killing it.`);
    signal(pid, 'SIGKILL');
    if (!(await waitUntilGone(pid, homeDir, 10_000))) {
      throw new Error(`A leftover Neo4j (pid ${pid}) on ${homeDir} could not be stopped.`);
    }
  }
  fs.rmSync(file, { force: true });
}

/** The JVM's pid and its starter's, as far as the file names them. */
function readPids(file: string): [number | undefined, number | undefined] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [undefined, undefined];
  }
  const [pid, owner] = text.split('\n').map((line) => Number(line.trim()));
  const valid = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n > 1 ? n : undefined);
  return [valid(pid), valid(owner)];
}

function readPid(file: string): number | undefined {
  return readPids(file)[0];
}

/** The parent pid of a process (an orphan's parent is init or a subreaper, never its dead starter). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    if (fs.existsSync('/proc/self')) return undefined;
  }
  const result = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** True when the process runs java with our launcher class and exactly this home directory. */
function isLauncherOf(pid: number, homeDir: string): boolean {
  const args = commandLine(pid);
  if (args === undefined || args.length === 0) return false;
  const isJava = path.basename(args[0]) === 'java';
  return isJava && args.includes(LAUNCHER_MAIN_CLASS) && args.includes(path.resolve(homeDir));
}

function commandLine(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    if (fs.existsSync('/proc/self')) return undefined; // Linux: no such process (or a zombie).
  }
  // Elsewhere (macOS) ask ps; arguments with spaces are not told apart, which only makes us more cautious.
  const result = spawnSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split(/\s+/) : undefined;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

async function waitUntilGone(pid: number, homeDir: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isLauncherOf(pid, homeDir)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}
