import { signInPath } from './client';

describe('signInPath', () => {
  it('brings people back where they were', () => {
    expect(signInPath('/members/TWVtYmVyOjE?tab=plan')).toBe('/sign-in?next=%2Fmembers%2FTWVtYmVyOjE%3Ftab%3Dplan');
  });
  it('says why when the session ended', () => {
    expect(signInPath('/houses', true)).toBe('/sign-in?next=%2Fhouses&expired=1');
  });
  it('never sends sign-in back to itself', () => {
    expect(signInPath('/sign-in?next=%2F')).toBe('/sign-in');
  });
});
