import { errorsFor, otherErrors } from './userErrors';

const errors = [
  { field: ['input', 'bed'], message: 'Someone else lives in that bed.', code: 'BED_TAKEN' },
  { field: null, message: 'Every bed of the house is taken.', code: 'HOUSE_FULL' },
  { field: ['input', 'houseId'], message: 'Not found.', code: 'NOT_FOUND' },
];

describe('user errors by field', () => {
  it('finds the errors of a field by the end of its path', () => {
    expect(errorsFor(errors, 'bed').map((e) => e.code)).toEqual(['BED_TAKEN']);
    expect(errorsFor(errors, 'memberId')).toEqual([]);
  });
  it('keeps the rest for the form as a whole', () => {
    expect(otherErrors(errors, ['bed', 'memberId']).map((e) => e.code)).toEqual(['HOUSE_FULL', 'NOT_FOUND']);
  });
});
