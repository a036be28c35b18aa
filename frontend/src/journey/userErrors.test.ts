import { sortUserErrors } from './userErrors';

describe('sortUserErrors', () => {
  it('puts each message by its field, without the input prefix', () => {
    const r = sortUserErrors([
      { field: ['input', 'careLevelCode'], message: 'Already at IOP.' },
      { field: ['input', 'entries', '3', 'memberId'], message: 'Unknown member.' },
    ]);
    expect(r.byField).toEqual({ careLevelCode: 'Already at IOP.', 'entries.3.memberId': 'Unknown member.' });
    expect(r.general).toEqual([]);
  });
  it('keeps errors without a shown field for the form as a whole', () => {
    const r = sortUserErrors(
      [
        { field: null, message: 'Someone else changed this.' },
        { field: ['input', 'memberId'], message: 'Not in care.' },
        { field: ['input', 'reason'], message: 'Required.' },
      ],
      ['reason'],
    );
    expect(r.byField).toEqual({ reason: 'Required.' });
    expect(r.general).toEqual(['Someone else changed this.', 'Not in care.']);
  });
  it('is empty for no errors', () => {
    expect(sortUserErrors(undefined)).toEqual({ byField: {}, general: [] });
  });
});
