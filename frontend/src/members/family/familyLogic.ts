// The family tab's pure logic: labels, the consent form into `GrantConsentInput`.
import type { ConsentStatus, GrantConsentInput, InformationKind } from '../../gql/graphql';
import { endOfCalendarDateRfc3339, formatCalendarDate, formatInstantDateTime, dateTimeLocalValueToRfc3339 } from '../../ui/dates';

export const INFORMATION_KINDS: InformationKind[] = ['IDENTITY', 'MILESTONES', 'CARE_LEVEL', 'HOUSING', 'ATTENDANCE_SUMMARY', 'NOTES'];

export const INFORMATION_KIND_LABELS: Record<InformationKind, string> = {
  IDENTITY: 'Name and date of birth (for partners)',
  MILESTONES: 'Milestones and days in recovery',
  CARE_LEVEL: 'Level of care',
  HOUSING: 'Housing',
  ATTENDANCE_SUMMARY: 'Attendance summary',
  NOTES: 'Shareable notes',
};

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

export interface ConsentLike {
  familyContact?: { name: string; relationship: string } | null;
  partnerName?: string | null;
  expiresAt?: string | null;
  expiresOnEvent?: string | null;
}

/** Who a consent discloses to, for people. */
export function consentRecipient(c: ConsentLike): string {
  if (c.familyContact) return `${c.familyContact.name} (${c.familyContact.relationship})`;
  if (c.partnerName) return `${c.partnerName} (partner)`;
  return 'A partner API key';
}

/** When a consent ends, for people. */
export function consentExpiry(c: ConsentLike): string {
  if (c.expiresOnEvent === 'END_OF_TREATMENT') return 'End of treatment';
  if (c.expiresAt) return formatInstantDateTime(c.expiresAt);
  return '—';
}

export interface GrantForm {
  recipientKind: 'contact' | 'partner';
  familyContactId: string;
  partnerName: string;
  informationKinds: InformationKind[];
  purpose: string;
  expiryKind: 'date' | 'event';
  expiryDate: string;
  signatureName: string;
  /** A `datetime-local` value. */
  signedAt: string;
}

export interface ClientError { field: string[]; message: string }

/**
 * The form as the API's input, or the problems the browser can see before
 * sending (reported on the same field paths the server uses).
 */
export function grantConsentInput(memberId: string, f: GrantForm): { input: GrantConsentInput | null; errors: ClientError[] } {
  const errors: ClientError[] = [];
  const input: GrantConsentInput = {
    memberId,
    purpose: f.purpose.trim(),
    informationKinds: INFORMATION_KINDS.filter((k) => f.informationKinds.includes(k)),
    signatureName: f.signatureName.trim(),
    signedAt: '',
  };
  if (f.recipientKind === 'contact') {
    if (!f.familyContactId) errors.push({ field: ['input', 'familyContactId'], message: 'Choose a family contact.' });
    input.familyContactId = f.familyContactId;
  } else {
    if (!f.partnerName.trim()) errors.push({ field: ['input', 'partnerName'], message: 'Enter the partner’s name.' });
    input.partnerName = f.partnerName.trim();
  }
  if (input.informationKinds.length === 0) {
    errors.push({ field: ['input', 'informationKinds'], message: 'Choose at least one kind of information.' });
  }
  if (!input.purpose) errors.push({ field: ['input', 'purpose'], message: 'Enter the purpose of the disclosure.' });
  if (f.expiryKind === 'event') {
    input.expiresOnEvent = 'END_OF_TREATMENT';
  } else {
    const at = endOfCalendarDateRfc3339(f.expiryDate);
    if (!at) errors.push({ field: ['input', 'expiresAt'], message: 'Enter the expiry date.' });
    else input.expiresAt = at;
  }
  if (!input.signatureName) errors.push({ field: ['input', 'signatureName'], message: 'Enter the name the member signed with.' });
  const signedAt = dateTimeLocalValueToRfc3339(f.signedAt);
  if (!signedAt) errors.push({ field: ['input', 'signedAt'], message: 'Enter when the member signed.' });
  else input.signedAt = signedAt;
  return errors.length > 0 ? { input: null, errors } : { input, errors };
}

/** "Expires on 3 Dec 2026, in 7 days": the invitation's deadline. */
export function invitationExpiry(expiresAt: string | null | undefined): string {
  if (!expiresAt) return 'It expires in 7 days.';
  return `It expires on ${formatCalendarDate(expiresAt.slice(0, 10))} (7 days from now) and works once.`;
}
