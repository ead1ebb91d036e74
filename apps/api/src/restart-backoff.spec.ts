import { planRestart, RESTART_STREAK_RESET_MS } from './restart-backoff.js';

describe('planRestart', () => {
  it('waits 1 s, doubling with each death in a row, at most 30 s', () => {
    let streak = 0;
    const delays: number[] = [];
    for (let death = 0; death < 8; death++) {
      const plan = planRestart(streak, 500);
      delays.push(plan.delayMs);
      streak = plan.streak;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(streak).toBe(8);
  });

  it('starts again at 1 s once a worker stayed up 60 s, not before', () => {
    expect(planRestart(5, RESTART_STREAK_RESET_MS)).toEqual({ delayMs: 1_000, streak: 1 });
    expect(planRestart(5, RESTART_STREAK_RESET_MS - 1)).toEqual({ delayMs: 30_000, streak: 6 });
    expect(planRestart(2, 0)).toEqual({ delayMs: 4_000, streak: 3 });
  });

  it('never waits longer than 30 s, however long the streak', () => {
    expect(planRestart(1_000, 0).delayMs).toBe(30_000);
    expect(planRestart(-3, 0)).toEqual({ delayMs: 1_000, streak: 1 });
  });
});
