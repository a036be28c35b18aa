import { NavLink } from 'react-router';
import './memberTabs.css';

/** The member page's tabs, as links (real URLs): the current one has aria-current="page". */
export function memberTabs(memberId: string) {
  const base = `/members/${encodeURIComponent(memberId)}`;
  return [
    { to: base, label: 'Journey' },
    { to: `${base}/plan`, label: 'Aftercare plan' },
    { to: `${base}/family`, label: 'Family' },
  ];
}

export default function MemberTabs({ memberId }: { memberId: string }) {
  return (
    <nav className="member-tabs" aria-label="Member">
      <ul>
        {memberTabs(memberId).map((t) => (
          <li key={t.to}>
            <NavLink to={t.to} end>{t.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
