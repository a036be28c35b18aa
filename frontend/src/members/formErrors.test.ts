import { errorsFor, otherErrors } from './formErrors';

const errors = [
  { field: ['input', 'email'], message: 'Taken', code: 'DUPLICATE' },
  { field: ['input', 'answers', '3'], message: 'Out of range', code: 'INVALID_INPUT' },
  { field: null, message: 'Plan closed', code: 'PLAN_CLOSED' },
  { field: ['input', 'aftercarePlanId'], message: 'Not found', code: 'NOT_FOUND' },
];

describe('errorsFor', () => {
  it('matches a field and deeper paths', () => {
    expect(errorsFor(errors, 'email')).toEqual(['Taken']);
    expect(errorsFor(errors, 'answers')).toEqual(['Out of range']);
    expect(errorsFor(errors, 'answers', '3')).toEqual(['Out of range']);
    expect(errorsFor(errors, 'answers', '2')).toEqual([]);
    expect(errorsFor(undefined, 'email')).toEqual([]);
  });

  it('leaves the rest for the form', () => {
    expect(otherErrors(errors, ['email', 'answers'])).toEqual(['Plan closed', 'Not found']);
  });
});
