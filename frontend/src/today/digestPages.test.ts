import { digestPageSize } from './digestPages';

describe('digestPageSize', () => {
  it('asks for exactly what is left, 100 at most', () => {
    expect(digestPageSize(114, 0, 1000)).toBe(100);
    expect(digestPageSize(114, 100, 1000)).toBe(14);
    expect(digestPageSize(114, 114, 1000)).toBe(0);
    expect(digestPageSize(7, 0, 1000)).toBe(7);
  });
  it('stops at the cap', () => {
    expect(digestPageSize(5000, 1000, 1000)).toBe(0);
    expect(digestPageSize(5000, 950, 1000)).toBe(50);
  });
  it('asks for nothing when nobody is in care', () => {
    expect(digestPageSize(0, 0, 1000)).toBe(0);
  });
});
