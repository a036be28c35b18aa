import { act, renderHook } from '@testing-library/react';
import { fieldPath, messagesFor, placeUserErrors, withoutField } from './userErrors';
import { useFormErrors } from './useFormErrors';

const errors = [
  { field: ['input', 'careLevelCode'], message: 'Already at IOP.', code: 'INVALID_INPUT' },
  { field: ['input', 'entries', '3', 'memberId'], message: 'Unknown member.', code: 'NOT_FOUND' },
  { field: ['input', 'answers', '3'], message: 'Out of range.', code: 'INVALID_INPUT' },
  { field: null, message: 'Someone else changed this.', code: 'CONFLICT' },
  { field: ['input', 'memberId'], message: 'Not in care.', code: 'NOT_IN_CARE' },
];

describe('placeUserErrors', () => {
  it('names a field by its path without the input prefix', () => {
    expect(fieldPath(errors[1])).toBe('entries.3.memberId');
    expect(fieldPath(errors[3])).toBe('');
  });

  it('puts each message by its field and keeps the rest for the form', () => {
    const placed = placeUserErrors(errors, ['careLevelCode', 'entries', 'answers']);
    expect(placed.fields).toEqual({
      careLevelCode: ['Already at IOP.'],
      'entries.3.memberId': ['Unknown member.'],
      'answers.3': ['Out of range.'],
    });
    expect(placed.form).toEqual(['Someone else changed this.', 'Not in care.']);
  });

  it('finds a field with the fields under it', () => {
    const placed = placeUserErrors(errors, ['answers']);
    expect(messagesFor(placed, 'answers')).toEqual(['Out of range.']);
    expect(messagesFor(placed, 'answers.3')).toEqual(['Out of range.']);
    expect(messagesFor(placed, 'answers.2')).toEqual([]);
    expect(withoutField(placed, 'answers').fields).toEqual({});
  });

  it('is empty for no errors', () => {
    expect(placeUserErrors(undefined, ['reason'])).toEqual({ fields: {}, form: [] });
  });
});

describe('useFormErrors', () => {
  it('shows the errors of a save and the form’s own, and drops a field’s when it changes', () => {
    const { result } = renderHook(() => useFormErrors(['careLevelCode', 'effectiveAt']));
    expect(result.current.any).toBe(false);
    act(() => result.current.show([], { careLevelCode: 'Choose the new level of care.' }));
    expect(result.current.text('careLevelCode')).toBe('Choose the new level of care.');
    act(() => result.current.clear('careLevelCode'));
    expect(result.current.text('careLevelCode')).toBeUndefined();

    act(() => result.current.show([
      { field: ['input', 'effectiveAt'], message: 'The time lies in the future.', code: 'IN_FUTURE' },
      { field: null, message: 'Not in care.', code: 'NOT_IN_CARE' },
    ]));
    expect(result.current.of('effectiveAt')).toEqual(['The time lies in the future.']);
    act(() => result.current.clear('careLevelCode'));
    expect(result.current.of('effectiveAt')).toEqual(['The time lies in the future.']);
    act(() => result.current.clear('effectiveAt'));
    expect(result.current.of('effectiveAt')).toEqual([]);
    expect(result.current.form).toEqual(['Not in care.']);
  });
});
