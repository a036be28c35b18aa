import { fieldPath, type UserError } from '../ui/userErrors';
import type { AttendanceStatus } from '../gql/graphql';

/** A row of the attendance sheet. */
export interface SheetRow {
  memberId: string;
  displayName: string | null;
}

/** Statuses as recorded, by member. */
export type Recorded = Record<string, AttendanceStatus>;

/** What the form changed, by member, on top of what is recorded. */
export type Changes = Record<string, AttendanceStatus>;

/** The recorded statuses of a meeting, by member id. */
export function recordedByMember(attendance: readonly { member: { id: string }; status: AttendanceStatus }[]): Recorded {
  const out: Recorded = {};
  for (const a of attendance) out[a.member.id] = a.status;
  return out;
}

/** The status a row shows: the change, else what is recorded, else none. */
export function statusOf(memberId: string, recorded: Recorded, changes: Changes): AttendanceStatus | undefined {
  return changes[memberId] ?? recorded[memberId];
}

/** Sets one member's status; a change back to the recorded status is no change. */
export function setStatus(changes: Changes, recorded: Recorded, memberId: string, status: AttendanceStatus): Changes {
  const next = { ...changes };
  if (recorded[memberId] === status) delete next[memberId];
  else next[memberId] = status;
  return next;
}

/** Marks every row with `status` (for "Mark all present"). */
export function setAll(rows: readonly SheetRow[], recorded: Recorded, status: AttendanceStatus): Changes {
  let changes: Changes = {};
  for (const r of rows) changes = setStatus(changes, recorded, r.memberId, status);
  return changes;
}

/** Whether the form differs from what is recorded. */
export function isDirty(rows: readonly SheetRow[], recorded: Recorded, changes: Changes): boolean {
  return rows.some((r) => changes[r.memberId] !== undefined && changes[r.memberId] !== recorded[r.memberId]);
}

/**
 * The lines of one recordAttendance call: every row that has a status, in
 * the order of the sheet (so an error's line number finds its row).
 */
export function entriesFromForm(rows: readonly SheetRow[], recorded: Recorded, changes: Changes): { memberId: string; status: AttendanceStatus }[] {
  const entries: { memberId: string; status: AttendanceStatus }[] = [];
  for (const r of rows) {
    const status = statusOf(r.memberId, recorded, changes);
    if (status) entries.push({ memberId: r.memberId, status });
  }
  return entries;
}

/** How many rows have a status. */
export function markedCount(rows: readonly SheetRow[], recorded: Recorded, changes: Changes): number {
  return rows.filter((r) => statusOf(r.memberId, recorded, changes) !== undefined).length;
}

/** Errors placed: per member (a line's path `["input","entries","3",…]`) and for the form. */
export interface PlacedErrors {
  byMember: Record<string, string[]>;
  form: string[];
}

/**
 * Places user errors: a path into a line of `entries` belongs to that
 * line's member; anything else (no path, the meeting, the list) to the form.
 */
export function placeErrors(errors: readonly UserError[], entries: readonly { memberId: string }[]): PlacedErrors {
  const placed: PlacedErrors = { byMember: {}, form: [] };
  for (const e of errors) {
    const [list, line] = fieldPath(e).split('.');
    const entry = list === 'entries' && /^\d+$/.test(line ?? '') ? entries[Number(line)] : undefined;
    if (entry) (placed.byMember[entry.memberId] ??= []).push(e.message);
    else placed.form.push(e.message);
  }
  return placed;
}

/** The placed errors without a member's: their line changed. */
export function withoutMember(placed: PlacedErrors, memberId: string): PlacedErrors {
  if (!placed.byMember[memberId]) return placed;
  const byMember = { ...placed.byMember };
  delete byMember[memberId];
  return { byMember, form: placed.form };
}

/** Whether any error says the meeting has not started. */
export function notStarted(errors: readonly UserError[]): boolean {
  return errors.some((e) => e.code === 'MEETING_NOT_STARTED');
}
