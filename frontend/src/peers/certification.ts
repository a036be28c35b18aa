import { daysBetween, parseCalendarDate } from '../ui/dates';

export type CertificationState = 'none' | 'expired' | 'expiring' | 'valid' | 'no-expiry';

/** Expired, expiring within `warnDays` (60 by default), valid, or no expiry date. */
export function certificationState(
  cert: { expiresOn?: string | null; isExpired: boolean } | null | undefined,
  today: Date,
  warnDays = 60,
): CertificationState {
  if (!cert) return 'none';
  if (cert.isExpired) return 'expired';
  if (!cert.expiresOn) return 'no-expiry';
  const left = daysBetween(today, parseCalendarDate(cert.expiresOn));
  if (left < 0) return 'expired';
  return left <= warnDays ? 'expiring' : 'valid';
}

/** "3 of 8". */
export function caseloadLabel(count: number, limit: number): string {
  return `${count} of ${limit}`;
}
