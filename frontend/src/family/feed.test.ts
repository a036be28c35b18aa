import { attendanceChart, daysInRecoveryText, mergeUpdates, scheduleText, sharedUntilText, updateKindLabel, type FeedUpdate } from './feed';
import { formatCalendarDate, formatInstantDate } from '../ui/dates';

const u = (id: string, occurredAt: string, body = id): FeedUpdate => ({ id, kind: 'NOTE', body, occurredAt });

describe('mergeUpdates', () => {
  it('adds a page after the updates shown, newest first, each once', () => {
    const shown = [u('a', '2026-11-19T12:00:00Z'), u('b', '2026-11-18T10:00:00Z')];
    const page = [u('b', '2026-11-18T10:00:00Z', 'b again'), u('c', '2026-10-15T10:30:00Z')];
    expect(mergeUpdates(shown, page).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(mergeUpdates(shown, page)[1].body).toBe('b again');
  });
  it('puts an update that arrived since on top', () => {
    expect(mergeUpdates([u('a', '2026-11-19T12:00:00Z')], [u('new', '2026-11-25T08:00:00Z')]).map((x) => x.id)).toEqual(['new', 'a']);
  });
});

describe('words', () => {
  it('names each kind of update', () => {
    expect(updateKindLabel('MILESTONE')).toBe('Milestone');
    expect(updateKindLabel('CARE_LEVEL_CHANGE')).toBe('Level of care');
    expect(updateKindLabel('HOUSING_CHANGE')).toBe('Housing');
    expect(updateKindLabel('NOTE')).toBe('Note');
  });
  it('counts days in recovery', () => {
    expect(daysInRecoveryText(1)).toBe('1 day in recovery');
    expect(daysInRecoveryText(52)).toBe('52 days in recovery');
  });
  it('says until when the member shares', () => {
    const f = (s: string) => formatInstantDate(s, { locale: 'en-US', timeZone: 'UTC' });
    expect(sharedUntilText('2027-05-26T00:00:00Z', null, f)).toBe('Shared with you until May 26, 2027.');
    expect(sharedUntilText(null, 'END_OF_TREATMENT', f)).toBe('Shared with you until the end of treatment.');
    expect(sharedUntilText(null, null, f)).toBeNull();
  });
  it('lists a weekly schedule', () => {
    expect(scheduleText([{ dayOfWeek: 'TUESDAY', startTime: '19:30' }, { dayOfWeek: 'SUNDAY', startTime: '14:00' }]))
      .toBe('Tuesdays 19:30, Sundays 14:00');
  });
});

describe('attendanceChart', () => {
  const day = (d: string) => formatCalendarDate(d, 'en-US');
  it('scales bars to the busiest week and says the same in words', () => {
    const c = attendanceChart([
      { weekStartsOn: '2026-11-02', attended: 0 },
      { weekStartsOn: '2026-11-09', attended: 4 },
      { weekStartsOn: '2026-11-16', attended: 2 },
    ], day);
    expect(c.bars.map((b) => b.share)).toEqual([0, 1, 0.5]);
    expect(c.total).toBe(6);
    expect(c.label).toBe('Meetings attended per week, oldest first: 0, 4, 2');
    expect(c.summary).toBe('6 meetings attended in the last 3 weeks from Nov 2, 2026; 2 meetings in the week of Nov 16, 2026; at most 4 in a week.');
  });
  it('handles no meetings and no weeks', () => {
    expect(attendanceChart([{ weekStartsOn: '2026-11-16', attended: 0 }], day).summary)
      .toBe('No meetings attended in the last 1 week from Nov 16, 2026.');
    expect(attendanceChart([], day).bars).toEqual([]);
  });
});
