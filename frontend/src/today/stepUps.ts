/** What the Today page knows about a member to find recent step-ups. */
export interface EpisodeSummary {
  id: string;
  displayName: string;
  currentEpisode?: {
    transition: string;
    startedAt: string;
  } | null;
}

export interface StepUp {
  id: string;
  displayName: string;
  startedAt: string;
}

/**
 * Members whose latest transition is a step-up that began within the last
 * `days` days (and not in the future), most recent first. The open episode is
 * the latest one, so its transition is the member's latest transition.
 */
export function recentStepUps(members: readonly EpisodeSummary[], now: Date, days = 14): StepUp[] {
  const since = now.getTime() - days * 86_400_000;
  const out: StepUp[] = [];
  for (const m of members) {
    const e = m.currentEpisode;
    if (!e || e.transition !== 'STEP_UP') continue;
    const t = Date.parse(e.startedAt);
    if (t < since || t > now.getTime()) continue;
    out.push({ id: m.id, displayName: m.displayName, startedAt: e.startedAt });
  }
  return out.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}
