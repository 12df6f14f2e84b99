import { backoffSeconds } from './retry-policy';

describe('backoffSeconds', () => {
  it('doubles per attempt, with jitter between half and the whole delay, capped at 30 minutes', () => {
    expect(backoffSeconds(1, () => 1)).toBe(15);
    expect(backoffSeconds(1, () => 0)).toBe(8);
    expect(backoffSeconds(3, () => 1)).toBe(60);
    expect(backoffSeconds(20, () => 1)).toBe(1800);
    expect(backoffSeconds(20, () => 0)).toBe(900);
  });
});
