import { listVariables, readListState, withFilter, writeListState } from './params';

describe('member list URL state', () => {
  it('reads and writes the same params', () => {
    const params = new URLSearchParams('q=ana&level=IOP&status=ACTIVE&after=abc');
    const state = readListState(params);
    expect(state).toEqual({ search: 'ana', level: 'IOP', status: 'ACTIVE', house: '', after: 'abc', before: null });
    expect(writeListState(state).toString()).toBe('q=ana&level=IOP&status=ACTIVE&after=abc');
  });
  it('ignores an unknown status and empty values', () => {
    const state = readListState(new URLSearchParams('status=NOPE&q='));
    expect(state.status).toBe('');
    expect(writeListState(state).toString()).toBe('');
  });
  it('starts from the first page when a filter changes', () => {
    const state = readListState(new URLSearchParams('q=ana&before=xyz'));
    expect(writeListState(withFilter(state, { status: 'ALUMNI' })).toString()).toBe('q=ana&status=ALUMNI');
  });
});

describe('listVariables', () => {
  it('pages forward with first/after', () => {
    expect(listVariables(readListState(new URLSearchParams('after=c1&level=PHP')))).toEqual({
      first: 20, after: 'c1', filter: { careLevelCodes: ['PHP'] },
    });
  });
  it('pages backward with last/before', () => {
    expect(listVariables(readListState(new URLSearchParams('before=c9&q=%20li%20&status=ACTIVE')))).toEqual({
      last: 20, before: 'c9', filter: { search: 'li', statuses: ['ACTIVE'] },
    });
  });
  it('asks for the first page with no filter', () => {
    expect(listVariables(readListState(new URLSearchParams()))).toEqual({ first: 20, filter: {} });
  });
});

describe('the house filter', () => {
  it('lives in the URL and becomes houseId', () => {
    const state = readListState(new URLSearchParams('house=SG91c2U6Mw&after=abc'));
    expect(state.house).toBe('SG91c2U6Mw');
    expect(listVariables(state).filter).toEqual({ houseId: 'SG91c2U6Mw' });
    expect(writeListState(withFilter(state, { house: '' })).toString()).toBe('');
  });
});
