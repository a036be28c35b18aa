import { certificationState } from './certification';
import { formatCalendarDate } from '../ui/dates';

/** A certification with its expiry, flagged in words (not only colour) when expired or expiring within 60 days. */
export default function CertificationNote({ cert, today }: {
  cert: { kind: string; expiresOn?: string | null; isExpired: boolean } | null | undefined; today: Date;
}) {
  const state = certificationState(cert, today);
  if (!cert || state === 'none') return <span className="muted">Not certified</span>;
  const expiry = cert.expiresOn ? <time dateTime={cert.expiresOn}>{formatCalendarDate(cert.expiresOn)}</time> : null;
  return (
    <span>
      {cert.kind}{' '}
      {state === 'expired' && <span className="flag-bad">⚠ Expired {expiry}</span>}
      {state === 'expiring' && <span className="flag-warn">⚠ Expires soon: {expiry}</span>}
      {state === 'valid' && <span className="muted">expires {expiry}</span>}
      {state === 'no-expiry' && <span className="muted">no expiry</span>}
    </span>
  );
}
