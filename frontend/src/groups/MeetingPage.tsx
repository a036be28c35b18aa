import { useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { AttendanceStatus } from '../gql/graphql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { FieldError } from '../ui/FieldError';
import { readUserErrors } from '../ui/userErrors';
import {
  entriesFromForm, isDirty, markedCount, notStarted, placeErrors, recordedByMember, setAll, setStatus, statusOf, withoutMember,
  type Changes, type PlacedErrors, type Recorded, type SheetRow,
} from './attendance';
import { attendanceStatuses, statusLabels } from './labels';
import { MeetingQuery, RecordAttendanceMutation } from './queries';
import { formatInstantDateTime, formatInstantTime } from '../ui/dates';
import './groups.css';

const statusIcons: Record<AttendanceStatus, string> = { PRESENT: '✓', LATE: '◷', EXCUSED: '–', ABSENT: '✕' };

/** Taking attendance: one row per member of the group, saved in one call. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: MeetingQuery, variables: { id } });
  const [saveState, save] = useMutation(RecordAttendanceMutation);
  const [changes, setChanges] = useState<Changes>({});
  // What the last save returned, until the meeting is read again.
  const [savedRecorded, setSavedRecorded] = useState<{ over: unknown; recorded: Recorded } | null>(null);
  const [placed, setPlaced] = useState<PlacedErrors | null>(null);
  const [saved, setSaved] = useState(false);
  // Leaving with unsaved marks asks first (a stray tap on a tablet loses nothing).
  const dirtyRef = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => { if (dirtyRef.current) e.preventDefault(); };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);

  if (fetching && !data) return <Loading label="Loading the meeting" />;
  if (error && !data?.meeting) return <ErrorNote error={error} />;
  const meeting = data?.meeting;
  if (!meeting) return <Empty>This meeting was not found.</Empty>;

  const tz = meeting.group.timeZone;
  // Refused lists are null (the staff who record attendance are never refused them).
  const attendance = meeting.attendance?.nodes ?? [];
  const groupMembers = meeting.group.members?.nodes ?? [];
  const recorded = savedRecorded && savedRecorded.over === attendance ? savedRecorded.recorded : recordedByMember(attendance);
  // Current members, then anyone recorded who has since left the group.
  const rows: SheetRow[] = groupMembers.map((gm) => ({ memberId: gm.member.id, displayName: gm.member.displayName }));
  for (const a of attendance) {
    if (!rows.some((r) => r.memberId === a.member.id)) rows.push({ memberId: a.member.id, displayName: a.member.displayName });
  }
  const current = new Set(groupMembers.map((gm) => gm.member.id));
  const dirty = isDirty(rows, recorded, changes);
  dirtyRef.current = dirty;
  const marked = markedCount(rows, recorded, changes);
  const upcoming = Date.parse(meeting.startsAt) > Date.now();
  const showNotStarted = notStarted(readUserErrors(saveState.data?.recordAttendance.userErrors));

  function change(memberId: string, status: AttendanceStatus) {
    setChanges((c) => setStatus(c, recorded, memberId, status));
    setPlaced((p) => p && withoutMember(p, memberId));
    setSaved(false);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    setPlaced(null);
    const entries = entriesFromForm(rows, recorded, changes);
    if (entries.length === 0) {
      setPlaced({ byMember: {}, form: ['Mark at least one member before saving.'] });
      return;
    }
    const result = await save({ input: { meetingId: meeting!.id, entries } });
    const payload = result.data?.recordAttendance;
    if (!payload) return; // the error is shown below from saveState
    if (payload.userErrors.length > 0) {
      setPlaced(placeErrors(readUserErrors(payload.userErrors), entries));
      return;
    }
    if (payload.meeting) setSavedRecorded({ over: meeting!.attendance, recorded: recordedByMember(payload.meeting.attendance?.nodes ?? []) });
    setChanges({});
    setSaved(true);
  }

  return (
    <article className="meeting-page">
      <p><Link to={`/groups/${meeting.group.id}`}>← {meeting.group.name}</Link></p>
      <h1>{meeting.group.name}, {formatInstantDateTime(meeting.startsAt, { timeZone: tz, weekday: true })}</h1>
      <p className="muted">
        {formatInstantTime(meeting.startsAt, { timeZone: tz })}–{formatInstantTime(meeting.endsAt, { timeZone: tz })} ({tz})
        {meeting.topic && <> · Topic: {meeting.topic}</>}
      </p>

      {upcoming && (
        <p className="notice" role="note">
          <strong>This meeting has not started yet.</strong> Until it starts you can only mark members Excused.
        </p>
      )}

      {blocker.state === 'blocked' && (
        <div className="banner-error leave-check" role="alert">
          <p><strong>Attendance is not saved.</strong> Leave this meeting without saving?</p>
          <button type="button" className="secondary" onClick={() => blocker.reset()}>Stay and save</button>{' '}
          <button type="button" onClick={() => blocker.proceed()}>Leave without saving</button>
        </div>
      )}

      <form className="attendance-form" onSubmit={onSubmit} noValidate>
        <h2>Attendance</h2>
        {rows.length === 0 ? <Empty>Nobody belongs to this group, so there is no one to mark.</Empty> : (
          <>
            <div className="attendance-tools">
              <button type="button" className="secondary big" onClick={() => { setChanges(setAll(rows, recorded, 'PRESENT')); setSaved(false); }}>
                Mark all present
              </button>
              <span className="muted">{marked} of {rows.length} marked{dirty && ' · unsaved changes'}</span>
            </div>
            <ul className="attendance-rows">
              {rows.map((r) => {
                const status = statusOf(r.memberId, recorded, changes);
                const rowErrors = placed?.byMember[r.memberId] ?? [];
                const legendId = `att-${r.memberId}-name`;
                const errorId = `att-${r.memberId}-error`;
                return (
                  <li key={r.memberId} className={`attendance-row${rowErrors.length ? ' has-error' : ''}`}>
                    <fieldset
                      className={current.has(r.memberId) ? undefined : 'has-note'}
                      role="radiogroup"
                      aria-labelledby={legendId}
                      aria-describedby={rowErrors.length ? errorId : undefined}
                      aria-invalid={rowErrors.length ? true : undefined}
                    >
                      <legend id={legendId} className="attendance-name">{r.displayName}</legend>
                      {!current.has(r.memberId) && <span className="muted left-note">No longer in the group</span>}
                      <div className="segmented">
                        {attendanceStatuses.map((s) => (
                          <label key={s} className={`segment segment-${s}`}>
                            <input
                              type="radio"
                              name={`att-${r.memberId}`}
                              value={s}
                              checked={status === s}
                              onChange={() => change(r.memberId, s)}
                            />
                            <span><span aria-hidden="true" className="segment-icon">{statusIcons[s]}</span> {statusLabels[s]}</span>
                          </label>
                        ))}
                      </div>
                      <FieldError id={errorId} messages={rowErrors} />
                    </fieldset>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        {showNotStarted && (
          <p className="banner-error" role="alert">
            <strong>The meeting has not started.</strong> Only Excused can be recorded before it starts; save the others after it begins.
          </p>
        )}
        {placed && placed.form.length > 0 && (
          <p className="banner-error" role="alert">{placed.form.join(' ')}</p>
        )}
        {saveState.error && <ErrorNote error={saveState.error} />}
        <div className="attendance-actions">
          <button type="submit" className="big" disabled={saveState.fetching || rows.length === 0}>
            Save attendance
          </button>
          <span role="status" aria-live="polite" className="saved-status">{saved && !dirty ? 'Attendance saved' : ''}</span>
        </div>
      </form>
    </article>
  );
}
