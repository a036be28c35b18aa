import { actorLabel, auditFilterProblems, auditFilterVariables, emptyAuditFilter, nextCursors, previousCursors } from './audit';
import { messageOf } from './labels';

describe('row action errors', () => {
  it('names the last-admin rule', () => {
    expect(messageOf([{ message: 'No.', code: 'LAST_ADMIN' }])).toBe('Last administrator: No.');
  });
});

describe('audit filter', () => {
  it('sends only what is set', () => {
    expect(auditFilterVariables(emptyAuditFilter)).toEqual({});
    const v = auditFilterVariables({ ...emptyAuditFilter, memberId: ' TWVt ', action: 'READ', from: '2026-11-01T09:00' });
    expect(v.memberId).toBe('TWVt');
    expect(v.action).toBe('READ');
    expect(v.occurredWithin?.startAt).toBe(new Date(2026, 10, 1, 9, 0).toISOString());
    expect(v.occurredWithin?.endAt).toBeNull();
  });

  it('wants “to” after “from”', () => {
    expect(auditFilterProblems({ ...emptyAuditFilter, from: '2026-11-02T00:00', to: '2026-11-01T00:00' }).to).toBeTruthy();
    expect(auditFilterProblems({ ...emptyAuditFilter, from: '2026-11-01T00:00', to: '2026-11-02T00:00' })).toEqual({});
  });

  it('names actors', () => {
    expect(actorLabel({ actorKind: 'USER', actor: { name: 'Ada' } })).toBe('Ada');
    expect(actorLabel({ actorKind: 'API_KEY', apiKey: { partnerName: 'Lab', secretPrefix: 'abcd1234' } })).toBe('API key: Lab (cjk_abcd1234…)');
    expect(actorLabel({ actorKind: 'ANONYMOUS', actor: { name: 'Ada' } })).toBe('Nobody signed in (tried Ada)');
    expect(actorLabel({ actorKind: 'SYSTEM' })).toBe('The system');
  });

  it('pages with a stack of cursors', () => {
    let s: (string | null)[] = [null];
    s = nextCursors(s, 'a');
    s = nextCursors(s, 'b');
    expect(s).toEqual([null, 'a', 'b']);
    s = previousCursors(s);
    expect(s).toEqual([null, 'a']);
    expect(previousCursors([null])).toEqual([null]);
  });
});
