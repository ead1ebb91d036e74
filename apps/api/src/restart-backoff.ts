/** The wait before replacing a worker after the first death of a streak. */
export const RESTART_DELAY_MIN_MS = 1_000;
/** The longest wait before replacing a worker, however long the streak. */
export const RESTART_DELAY_MAX_MS = 30_000;
/** A worker that stayed up this long ends the streak: its death waits RESTART_DELAY_MIN_MS again. */
export const RESTART_STREAK_RESET_MS = 60_000;

export interface RestartPlan {
  /** How long to wait before forking the replacement. */
  delayMs: number;
  /** The streak to pass for the next death. */
  streak: number;
}

/**
 * When the primary replaces a worker that died after `uptimeMs` (0 when it never listened), given
 * `streak`, the deaths in a row before it (0 at start-up): 1 s, doubling with each death in a row,
 * at most 30 s. A worker that stayed up 60 s ends the streak. A worker that dies at once, again and
 * again, is so retried ever more slowly instead of in a tight loop.
 */
export function planRestart(streak: number, uptimeMs: number): RestartPlan {
  const deathsBefore = uptimeMs >= RESTART_STREAK_RESET_MS ? 0 : Math.max(0, streak);
  return {
    delayMs: Math.min(RESTART_DELAY_MIN_MS * 2 ** deathsBefore, RESTART_DELAY_MAX_MS),
    streak: deathsBefore + 1,
  };
}
