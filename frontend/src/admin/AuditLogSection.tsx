import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { AuditAction, AuditEventsQuery as Result } from '../gql/graphql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import {
  actionLabels, actorLabel, auditActions, auditFilterProblems, auditFilterVariables, emptyAuditFilter, nextCursors, previousCursors,
  type AuditFilterForm,
} from './audit';
import { formatInstantDateTime } from '../ui/dates';
import { roleLabels } from './labels';
import Pager from './Pager';
import { AuditActorsQuery, AuditEventsQuery } from './queries';
import { LabelledField } from '../ui/LabelledField';

type AuditEvent = Result['auditEvents']['nodes'][number];

/** The audit log, newest first, filtered by member, actor, action and time. */
export default function AuditLogSection() {
  const [form, setForm] = useState<AuditFilterForm>(emptyAuditFilter);
  const [applied, setApplied] = useState<AuditFilterForm>(emptyAuditFilter);
  const [memberName, setMemberName] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const problems = auditFilterProblems(form);
  const filter = useMemo(() => auditFilterVariables(applied), [applied]);
  const context = useMemo(() => ({ additionalTypenames: ['AuditEvent'] }), []);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: AuditEventsQuery,
    variables: { after: cursors[cursors.length - 1], filter },
    context,
  });
  const [{ data: actors }] = useQuery({ query: AuditActorsQuery });
  const events = data?.auditEvents;

  function apply(next: AuditFilterForm) {
    setForm(next);
    setApplied(next);
    setCursors([null]);
  }

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (Object.keys(problems).length > 0) return;
    if (!form.memberId) setMemberName('');
    apply(form);
  }

  const set = (k: keyof AuditFilterForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });

  return (
    <section aria-labelledby="audit-log" className="admin-section">
      <h2 id="audit-log">Audit log</h2>
      <form className="audit-filters" onSubmit={onSubmit} aria-label="Audit log filters">
        <div className="field">
          <label>
            Member ID
            <input value={form.memberId} onChange={(e) => { setForm({ ...form, memberId: e.target.value }); setMemberName(''); }}
              autoComplete="off" aria-describedby="audit-member-hint" />
          </label>
          <span className="hint" id="audit-member-hint">{memberName ? `Showing ${memberName}` : 'Or pick “Only this member” in a row.'}</span>
        </div>
        <label>
          Actor
          <select value={form.actorId} onChange={set('actorId')}>
            <option value="">Anyone</option>
            {actors && (
              <>
                <optgroup label="Users">
                  {actors.users.nodes.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                </optgroup>
                <optgroup label="API keys">
                  {actors.apiKeys.nodes.map((k) => <option key={k.id} value={k.id}>{k.partnerName} (cjk_{k.secretPrefix}…)</option>)}
                </optgroup>
              </>
            )}
          </select>
        </label>
        <label>
          Action
          <select value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value as AuditAction | '' })}>
            <option value="">Any action</option>
            {auditActions.map((a) => <option key={a} value={a}>{actionLabels[a]}</option>)}
          </select>
        </label>
        <LabelledField label="From" errorId="audit-from-error" messages={problems.from}>
          <input type="datetime-local" value={form.from} onChange={set('from')} aria-describedby={problems.from ? 'audit-from-error' : undefined} />
        </LabelledField>
        <LabelledField label="To" errorId="audit-to-error" messages={problems.to}>
          <input type="datetime-local" value={form.to} onChange={set('to')} aria-describedby={problems.to ? 'audit-to-error' : undefined} />
        </LabelledField>
        <div className="filter-actions">
          <button type="submit" disabled={Object.keys(problems).length > 0}>Apply filters</button>
          <button type="button" className="secondary" onClick={() => { setMemberName(''); apply(emptyAuditFilter); }}>Clear filters</button>
          <button type="button" className="secondary" onClick={() => refresh({ requestPolicy: 'network-only' })}>Refresh</button>
        </div>
      </form>

      {error && <ErrorNote error={error} />}
      {fetching && !events && <Loading label="Loading the audit log" />}
      {events && events.nodes.length === 0 && <Empty>No events match.</Empty>}
      {events && events.nodes.length > 0 && (
        <div className="table-wrap">
          <table className="audit-table">
            <caption>Audit log events, newest first ({events.totalCount})</caption>
            <thead>
              <tr>
                <th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Operation</th>
                <th scope="col">Member</th><th scope="col">Object</th><th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {events.nodes.map((e) => (
                <AuditRow key={e.id} event={e} onMember={(id, name) => { setMemberName(name); apply({ ...applied, memberId: id }); }} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events && (
        <Pager
          label="Audit log pages"
          canPrevious={cursors.length > 1}
          canNext={events.pageInfo.hasNextPage}
          onPrevious={() => setCursors(previousCursors(cursors))}
          onNext={() => setCursors(nextCursors(cursors, events.pageInfo.endCursor))}
          summary={`Page ${cursors.length}`}
        />
      )}
    </section>
  );
}

function AuditRow({ event: e, onMember }: { event: AuditEvent; onMember: (id: string, name: string) => void }) {
  return (
    <tr className={`action-${e.action}`}>
      <td className="nowrap">{formatInstantDateTime(e.occurredAt, { seconds: true })}</td>
      <td>
        {actorLabel(e)}
        {e.actorRole && <span className="muted"> · {roleLabels[e.actorRole]}</span>}
      </td>
      <td><span className={`action-tag action-tag-${e.action}`}>{actionLabels[e.action]}</span></td>
      <td>{e.operationName ?? <span className="muted">—</span>}{e.field && <div className="muted small">{e.field}</div>}</td>
      <td>
        {e.member ? (
          <>
            <Link to={`/members/${e.member.id}`}>{e.member.displayName}</Link>{' '}
            <button type="button" className="link small" onClick={() => onMember(e.member!.id, e.member!.displayName ?? '')}>
              Only this member<span className="visually-hidden">: {e.member.displayName}</span>
            </button>
          </>
        ) : <span className="muted">—</span>}
      </td>
      <td>{e.objectType ? <>{e.objectType}{e.objectId && <div className="muted small mono">{e.objectId}</div>}</> : <span className="muted">—</span>}</td>
      <td className="mono">{e.clientAddress ?? ''}</td>
    </tr>
  );
}
