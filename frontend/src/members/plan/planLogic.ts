// The aftercare plan tab's pure logic: labels, grouping, bar and trend maths.
import type {
  AftercareCommitmentKind, AftercareGoalCategory, AftercareGoalStatus, AftercarePlanStatus,
} from '../../gql/graphql';

export const GOAL_CATEGORIES: AftercareGoalCategory[] = [
  'RELAPSE_PREVENTION', 'CONTINUING_RECOVERY', 'HEALTHY_BEHAVIORS', 'SUPPORT_SYSTEMS',
  'HOUSING', 'EMPLOYMENT', 'RELATIONSHIPS',
];

export const GOAL_CATEGORY_LABELS: Record<AftercareGoalCategory, string> = {
  RELAPSE_PREVENTION: 'Relapse prevention',
  CONTINUING_RECOVERY: 'Continuing recovery',
  HEALTHY_BEHAVIORS: 'Healthy behaviours',
  SUPPORT_SYSTEMS: 'Support systems',
  HOUSING: 'Housing',
  EMPLOYMENT: 'Employment',
  RELATIONSHIPS: 'Relationships',
};

export const GOAL_STATUSES: AftercareGoalStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DEFERRED'];

export const GOAL_STATUS_LABELS: Record<AftercareGoalStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  ACHIEVED: 'Achieved',
  DEFERRED: 'Deferred',
};

export const COMMITMENT_KINDS: AftercareCommitmentKind[] = [
  'MUTUAL_SUPPORT_GROUP', 'OUTPATIENT', 'PEER_MENTORING', 'RECOVERY_HOUSING', 'THERAPY',
  'MEDICATION', 'INPATIENT', 'OTHER',
];

export const COMMITMENT_KIND_LABELS: Record<AftercareCommitmentKind, string> = {
  INPATIENT: 'Inpatient treatment',
  OUTPATIENT: 'Outpatient care',
  MUTUAL_SUPPORT_GROUP: 'Mutual support group',
  PEER_MENTORING: 'Peer mentoring',
  MEDICATION: 'Medication',
  THERAPY: 'Therapy',
  RECOVERY_HOUSING: 'Recovery housing',
  OTHER: 'Other',
};

export const PLAN_STATUS_LABELS: Record<AftercarePlanStatus, string> = {
  DRAFT: 'Draft',
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** What a commitment kind is usually tied to: the picker the form offers. */
export function commitmentTarget(kind: AftercareCommitmentKind): 'group' | 'house' | 'peer' | 'none' {
  switch (kind) {
    case 'MUTUAL_SUPPORT_GROUP':
    case 'OUTPATIENT':
    case 'THERAPY':
      return 'group';
    case 'RECOVERY_HOUSING':
      return 'house';
    case 'PEER_MENTORING':
      return 'peer';
    default:
      return 'none';
  }
}

export interface GoalLike { category: AftercareGoalCategory }

/** Goals by category in the provider's order, keeping each category's goals in their order; empty categories left out. */
export function groupGoals<G extends GoalLike>(goals: readonly G[]): { category: AftercareGoalCategory; label: string; goals: G[] }[] {
  return GOAL_CATEGORIES
    .map((category) => ({ category, label: GOAL_CATEGORY_LABELS[category], goals: goals.filter((g) => g.category === category) }))
    .filter((g) => g.goals.length > 0);
}

export interface PlanLike { id: string; status: AftercarePlanStatus }

/** The plan the tab opens on: the active one, else the newest (plans come newest first). */
export function currentPlan<P extends PlanLike>(plans: readonly P[]): P | null {
  return plans.find((p) => p.status === 'ACTIVE') ?? plans[0] ?? null;
}

/** Whether the member can start a new plan: no active and no draft plan. */
export function canCreatePlan(plans: readonly PlanLike[]): boolean {
  return !plans.some((p) => p.status === 'ACTIVE' || p.status === 'DRAFT');
}

/** Whether goals and commitments can still change. */
export function isOpen(status: AftercarePlanStatus): boolean {
  return status === 'DRAFT' || status === 'ACTIVE';
}

export interface WeekLike { weekStart: string; attended: number; target: number; isMet: boolean }

export interface AdherenceBar {
  weekStart: string;
  attended: number;
  target: number;
  met: boolean;
  /** The filled share of the bar, 0–1 (attendance above the target fills it). */
  fill: number;
  /** Where the target line sits on the bar, 0–1: the bar's scale is max(attended, target) over the weeks. */
  targetAt: number;
  /** The bar's own length on the common scale, 0–1. */
  length: number;
  /** For people: "2 of 3 attended, target met". */
  text: string;
}

/**
 * One bar per week on a common scale (the largest of attendance and target
 * over the weeks), so weeks compare at a glance; met or unmet is said in text.
 */
export function adherenceBars(weeks: readonly WeekLike[]): AdherenceBar[] {
  const scale = Math.max(1, ...weeks.map((w) => Math.max(w.attended, w.target)));
  return weeks.map((w) => ({
    weekStart: w.weekStart,
    attended: w.attended,
    target: w.target,
    met: w.isMet,
    fill: w.target > 0 ? Math.min(1, w.attended / w.target) : 1,
    targetAt: w.target / scale,
    length: w.attended / scale,
    text: `${w.attended} of ${w.target} attended, ${w.isMet ? 'target met' : 'target not met'}`,
  }));
}

/** "5 of 8 weeks met". */
export function adherenceSummary(weeks: readonly WeekLike[]): string {
  const met = weeks.filter((w) => w.isMet).length;
  return `${met} of ${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'} met`;
}

export interface CheckInLike { occurredOn: string; craving: number; isAbstinent: boolean }

export interface TrendPoint { x: number; y: number; craving: number; occurredOn: string; abstinent: boolean }

export interface Trend { points: TrendPoint[]; path: string; width: number; height: number }

/**
 * The craving sparkline: check-ins (given newest first) oldest to newest
 * across, craving 0 at the bottom and 10 at the top, inside a padding.
 */
export function cravingTrend(checkInsNewestFirst: readonly CheckInLike[], width = 240, height = 60, pad = 4): Trend {
  const ordered = [...checkInsNewestFirst].reverse();
  const n = ordered.length;
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const points = ordered.map((c, i) => ({
    x: round(n === 1 ? width / 2 : pad + (innerW * i) / (n - 1)),
    y: round(pad + innerH * (1 - clamp(c.craving, 0, 10) / 10)),
    craving: c.craving,
    occurredOn: c.occurredOn,
    abstinent: c.isAbstinent,
  }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { points, path, width, height };
}

/** How craving moved from the oldest to the newest check-in shown. */
export function cravingDirection(checkInsNewestFirst: readonly CheckInLike[]): string {
  if (checkInsNewestFirst.length < 2) return 'Not enough check-ins for a trend';
  const newest = checkInsNewestFirst[0].craving;
  const oldest = checkInsNewestFirst[checkInsNewestFirst.length - 1].craving;
  if (newest < oldest) return `Craving down from ${oldest} to ${newest}`;
  if (newest > oldest) return `Craving up from ${oldest} to ${newest}`;
  return `Craving steady at ${newest}`;
}

export const BARC10_ITEMS = [
  'There are more important things to me in life than using substances.',
  'In general I am happy with my life.',
  'I have enough energy to complete the tasks I set myself.',
  'I am proud of the community I live in and feel part of it.',
  'I get lots of support from friends.',
  'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
  'My living space has helped to drive my recovery journey.',
  'I take full responsibility for my actions.',
  'I am happy dealing with a range of professional people.',
  'I am making good progress on my recovery journey.',
];

export const BARC10_SCALE = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Somewhat disagree' },
  { value: 4, label: 'Somewhat agree' },
  { value: 5, label: 'Agree' },
  { value: 6, label: 'Strongly agree' },
];

/** 47 or more predicted sustained remission. */
export const BARC10_REMISSION_THRESHOLD = 47;

/** The total of the answers given so far, and whether all ten are in. */
export function barcTotal(answers: readonly (number | null)[]): { total: number; complete: boolean; likelyRemission: boolean } {
  const given = answers.filter((a): a is number => a != null);
  const total = given.reduce((s, a) => s + a, 0);
  const complete = given.length === 10;
  return { total, complete, likelyRemission: complete && total >= BARC10_REMISSION_THRESHOLD };
}

/** Change from the previous assessment, for the history table ("+4", "−2", "no change"). */
export function barcChanges(totalsOldestFirst: readonly number[]): (string | null)[] {
  return totalsOldestFirst.map((t, i) => {
    if (i === 0) return null;
    const d = t - totalsOldestFirst[i - 1];
    if (d === 0) return 'no change';
    return d > 0 ? `+${d}` : `−${-d}`;
  });
}

function clamp(v: number, lo: number, hi: number) {
  return Math.max(lo, Math.min(hi, v));
}

function round(v: number) {
  return Math.round(v * 10) / 10;
}
