import { describe, expect, it } from 'vitest';
import { RecentPeak } from './recent-peak.js';

describe('RecentPeak', () => {
  it('is 0 before anything is observed', () => {
    expect(new RecentPeak(1000).value(0)).toBe(0);
  });

  it('keeps the largest value of the current window', () => {
    const peak = new RecentPeak(1000);
    peak.observe(3, 0);
    peak.observe(7, 100);
    peak.observe(2, 200);
    expect(peak.value(300)).toBe(7);
  });

  it('remembers the previous window for one more window, then forgets it', () => {
    const peak = new RecentPeak(1000);
    peak.observe(7, 0);
    peak.observe(2, 1500); // second window
    expect(peak.value(1600)).toBe(7);
    peak.observe(1, 2600); // third window: the first one's 7 is gone
    expect(peak.value(2700)).toBe(2);
  });

  it('forgets everything after two quiet windows', () => {
    const peak = new RecentPeak(1000);
    peak.observe(9, 0);
    expect(peak.value(900)).toBe(9);
    expect(peak.value(2500)).toBe(0);
  });
});
