/** Bed names compared as people read them: "A2" before "A10". */
export function compareBeds(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

export interface BedResident {
  bed?: string | null;
  member: { id: string; displayName: string | null };
}

export interface BedRow {
  bed: string | null;
  resident: { id: string; displayName: string | null } | null;
}

/**
 * The house's beds as far as the API knows them: the API has no bed list,
 * so named beds are those current or past residents slept in. Occupied named
 * beds and known free ones in bed order, then residents without a named bed.
 */
export function bedBoard(residents: readonly BedResident[], pastBeds: readonly (string | null | undefined)[]): BedRow[] {
  const taken = new Map<string, BedResident['member']>();
  const unnamed: BedRow[] = [];
  for (const r of residents) {
    if (r.bed) taken.set(r.bed, r.member);
    else unnamed.push({ bed: null, resident: r.member });
  }
  const names = new Set<string>(taken.keys());
  for (const b of pastBeds) if (b) names.add(b);
  const rows = [...names].sort(compareBeds).map((bed) => ({ bed, resident: taken.get(bed) ?? null }));
  return [...rows, ...unnamed.sort((a, b) => (a.resident!.displayName ?? '').localeCompare(b.resident!.displayName ?? ''))];
}

/** Known bed names nobody sleeps in now, in bed order. */
export function freeBeds(rows: readonly BedRow[]): string[] {
  return rows.filter((r) => r.bed && !r.resident).map((r) => r.bed!);
}

export const genderLabels: Record<string, string> = { MEN: 'Men', WOMEN: 'Women', CO_ED: 'Co-ed' };

export function narrLabel(level: string): string {
  return `Level ${level}`;
}
