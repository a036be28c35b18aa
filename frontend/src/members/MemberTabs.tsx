import { NavLink } from 'react-router';
import './members.css';

/** The member page's tabs: links, so each tab has its own address. Use on every member tab page. */
export default function MemberTabs({ memberId }: { memberId: string }) {
  const base = `/members/${encodeURIComponent(memberId)}`;
  return (
    <nav className="member-tabs" aria-label="Member">
      <ul>
        <li><NavLink to={base} end>Journey</NavLink></li>
        <li><NavLink to={`${base}/plan`}>Aftercare plan</NavLink></li>
        <li><NavLink to={`${base}/family`}>Family</NavLink></li>
      </ul>
    </nav>
  );
}
