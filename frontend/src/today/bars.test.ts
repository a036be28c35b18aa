import { barPercent } from './bars';

describe('barPercent', () => {
  it('scales to the largest value', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(10, 10)).toBe(100);
    expect(barPercent(1, 3)).toBe(33.3);
  });
  it('is 0 for nothing and never more than 100', () => {
    expect(barPercent(0, 0)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
    expect(barPercent(12, 10)).toBe(100);
  });
});
