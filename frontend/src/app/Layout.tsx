import { NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { SignOutMutation, ViewerQuery } from '../auth/viewer';
import { signInPath } from './client';
import { Loading, ErrorNote } from '../ui/States';

const staffLinks = [
  { to: '/', label: 'Today', end: true },
  { to: '/members', label: 'Members' },
  { to: '/houses', label: 'Houses' },
  { to: '/groups', label: 'Groups' },
  { to: '/peers', label: 'Peers' },
];

/**
 * The frame of every signed-in page: who is signed in, the navigation their
 * role has, and sign-out. Nobody signed in goes to sign-in and comes back.
 * A family viewer only ever gets the family portal.
 */
export default function Layout({ portal }: { portal: 'staff' | 'family' }) {
  const location = useLocation();
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  const [, signOut] = useMutation(SignOutMutation);

  if (fetching && !data) return <Loading label="Loading your session" />;
  const user = data?.viewer.user;
  if (!user) {
    if (error && !error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      return <ErrorNote error={error} />;
    }
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  const isFamily = user.role === 'FAMILY';
  if (portal === 'staff' && isFamily) return <Navigate to="/family" replace />;
  if (portal === 'family' && !isFamily) return <Navigate to="/" replace />;

  async function doSignOut() {
    await signOut({});
    window.location.assign('/sign-in');
  }

  return (
    <div className={`shell shell-${portal}`}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">Care Journey</span>
        {portal === 'staff' && (
          <nav aria-label="Main">
            <ul>
              {staffLinks.map((l) => (
                <li key={l.to}><NavLink to={l.to} end={l.end}>{l.label}</NavLink></li>
              ))}
              {user.role === 'ADMIN' && <li><NavLink to="/admin">Admin</NavLink></li>}
            </ul>
          </nav>
        )}
        <div className="who">
          <span>{user.name}</span>
          <NavLink to={isFamily ? '/family/account' : '/account'}>Account</NavLink>
          <button type="button" className="link" onClick={doSignOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
