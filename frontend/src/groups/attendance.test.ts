import {
  entriesFromForm, isDirty, markedCount, notStarted, placeErrors, recordedByMember, setAll, setStatus, statusOf,
  type SheetRow,
} from './attendance';

const rows: SheetRow[] = [
  { memberId: 'a', displayName: 'Ana' },
  { memberId: 'b', displayName: 'Ben' },
  { memberId: 'c', displayName: 'Cy' },
];

describe('attendance form state', () => {
  const recorded = recordedByMember([{ member: { id: 'a' }, status: 'LATE' }]);

  it('pre-fills from what is recorded', () => {
    expect(statusOf('a', recorded, {})).toBe('LATE');
    expect(statusOf('b', recorded, {})).toBeUndefined();
    expect(isDirty(rows, recorded, {})).toBe(false);
  });

  it('tracks changes, and a change back is none', () => {
    let changes = setStatus({}, recorded, 'b', 'ABSENT');
    expect(isDirty(rows, recorded, changes)).toBe(true);
    changes = setStatus(changes, recorded, 'a', 'PRESENT');
    changes = setStatus(changes, recorded, 'a', 'LATE');
    expect(changes).toEqual({ b: 'ABSENT' });
    changes = setStatus(changes, recorded, 'b', 'ABSENT');
    expect(changes).toEqual({ b: 'ABSENT' });
  });

  it('marks everyone present', () => {
    const changes = setAll(rows, recorded, 'PRESENT');
    expect(entriesFromForm(rows, recorded, changes)).toEqual([
      { memberId: 'a', status: 'PRESENT' },
      { memberId: 'b', status: 'PRESENT' },
      { memberId: 'c', status: 'PRESENT' },
    ]);
    expect(markedCount(rows, recorded, changes)).toBe(3);
  });

  it('sends every row with a status, in sheet order, and skips unmarked rows', () => {
    const changes = setStatus({}, recorded, 'c', 'EXCUSED');
    expect(entriesFromForm(rows, recorded, changes)).toEqual([
      { memberId: 'a', status: 'LATE' },
      { memberId: 'c', status: 'EXCUSED' },
    ]);
    expect(markedCount(rows, recorded, changes)).toBe(2);
  });
});

describe('placeErrors', () => {
  const entries = [{ memberId: 'a' }, { memberId: 'c' }];

  it('puts a line’s error on its member', () => {
    const placed = placeErrors([
      { field: ['input', 'entries', '1', 'memberId'], message: 'Member not found.', code: 'NOT_FOUND' },
      { field: ['input', 'entries', '0', 'status'], message: 'Not started.', code: 'MEETING_NOT_STARTED' },
    ], entries);
    expect(placed.byMember).toEqual({ c: ['Member not found.'], a: ['Not started.'] });
    expect(placed.form).toEqual([]);
  });

  it('keeps errors without a line for the form', () => {
    const errs = [
      { field: ['input', 'entries'], message: 'Give at least one line.', code: 'INVALID_INPUT' },
      { field: ['input', 'meetingId'], message: 'Meeting not found.', code: 'NOT_FOUND' },
      { field: null, message: 'Try again.', code: 'CONFLICT' },
      { field: ['input', 'entries', '7', 'status'], message: 'No such line.', code: 'INVALID_INPUT' },
    ];
    const placed = placeErrors(errs, entries);
    expect(placed.form).toHaveLength(4);
    expect(placed.byMember).toEqual({});
  });

  it('recognises a meeting that has not started', () => {
    expect(notStarted([{ message: 'x', code: 'MEETING_NOT_STARTED' }])).toBe(true);
    expect(notStarted([{ message: 'x', code: 'INVALID_INPUT' }])).toBe(false);
  });
});
