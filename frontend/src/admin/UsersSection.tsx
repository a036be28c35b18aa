import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { AdminUsersQuery, Role } from '../gql/graphql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { nextCursors, previousCursors } from './audit';
import { messageOf, roleLabels, staffRoles } from './labels';
import Pager from './Pager';
import { CreateUserMutation, DeactivateUserMutation, UpdateUserRoleMutation, UsersQuery } from './queries';
import { FieldError, FormError } from '../ui/FieldError';
import { useFormErrors } from '../ui/useFormErrors';

type User = AdminUsersQuery['users']['nodes'][number];

/** Accounts: the list, a new staff account, role changes and deactivation. */
export default function UsersSection({ viewerId }: { viewerId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const context = useMemo(() => ({ additionalTypenames: ['User'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: UsersQuery, variables: { after: cursors[cursors.length - 1] }, context });
  const users = data?.users;

  return (
    <section aria-labelledby="users" className="admin-section">
      <h2 id="users">Users</h2>
      <CreateUserForm />
      {error && <ErrorNote error={error} />}
      {fetching && !users && <Loading label="Loading users" />}
      {users && users.nodes.length === 0 && <Empty>No users yet.</Empty>}
      {users && users.nodes.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Users ({users.totalCount})</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Active</th><th scope="col">Actions</th></tr>
            </thead>
            <tbody>
              {users.nodes.map((u) => <UserRow key={u.id} user={u} isViewer={u.id === viewerId} />)}
            </tbody>
          </table>
        </div>
      )}
      {users && (
        <Pager
          label="Users pages"
          canPrevious={cursors.length > 1}
          canNext={users.pageInfo.hasNextPage}
          onPrevious={() => setCursors(previousCursors(cursors))}
          onNext={() => setCursors(nextCursors(cursors, users.pageInfo.endCursor))}
        />
      )}
    </section>
  );
}

function UserRow({ user, isViewer }: { user: User; isViewer: boolean }) {
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [roleState, updateRole] = useMutation(UpdateUserRoleMutation);
  const [deactivateState, deactivate] = useMutation(DeactivateUserMutation);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const roleId = `role-${user.id}`;

  async function changeRole() {
    setProblem(''); setDone('');
    const r = await updateRole({ input: { userId: user.id, role } });
    const errs = r.data?.updateUserRole.userErrors ?? [];
    if (errs.length) { setProblem(messageOf(errs)); setRole(user.role); }
    else if (r.data?.updateUserRole.user) setDone(`${user.name} is now ${roleLabels[role].toLowerCase()}.`);
  }

  async function doDeactivate() {
    setProblem(''); setDone('');
    const r = await deactivate({ input: { userId: user.id } });
    setConfirming(false);
    const errs = r.data?.deactivateUser.userErrors ?? [];
    if (errs.length) setProblem(messageOf(errs));
    else if (r.data?.deactivateUser.user) setDone(`${user.name} is deactivated and signed out.`);
  }

  const family = user.role === 'FAMILY';
  return (
    <tr className={user.isActive ? undefined : 'inactive'}>
      <th scope="row">{user.name}{isViewer && <span className="muted"> (you)</span>}</th>
      <td className="email">{user.email}</td>
      <td>
        {family || !user.isActive ? roleLabels[user.role] : (
          <div className="inline-form">
            <label htmlFor={roleId} className="visually-hidden">Role of {user.name}</label>
            <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {staffRoles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
            </select>
            <button type="button" className="secondary" disabled={role === user.role || roleState.fetching} onClick={changeRole}>
              Change role<span className="visually-hidden"> of {user.name}</span>
            </button>
          </div>
        )}
      </td>
      <td>{user.isActive ? 'Active' : 'Deactivated'}</td>
      <td>
        {user.isActive && !confirming && (
          <button type="button" className="secondary danger" onClick={() => { setConfirming(true); setDone(''); setProblem(''); }}>
            Deactivate<span className="visually-hidden"> {user.name}</span>
          </button>
        )}
        {confirming && (
          <div className="confirm" role="group" aria-label={`Confirm deactivating ${user.name}`}>
            <p>Deactivate {user.name}? They are signed out at once and can no longer sign in.</p>
            <button type="button" className="danger" disabled={deactivateState.fetching} onClick={doDeactivate}>Yes, deactivate</button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
        <FormError messages={problem ? [problem] : []} />
        {roleState.error && <ErrorNote error={roleState.error} />}
        {deactivateState.error && <ErrorNote error={deactivateState.error} />}
        {done && <p className="ok" role="status">{done}</p>}
      </td>
    </tr>
  );
}

const emptyUser = { name: '', email: '', role: 'CASE_MANAGER' as Role, password: '' };

function CreateUserForm() {
  const [form, setForm] = useState(emptyUser);
  const errors = useFormErrors(['name', 'email', 'role', 'password']);
  const [created, setCreated] = useState('');
  const [state, create] = useMutation(CreateUserMutation);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setCreated('');
    const r = await create({ input: form });
    const payload = r.data?.createUser;
    if (!payload) return;
    errors.show(payload.userErrors);
    if (payload.user) {
      setCreated(`Created ${payload.user.name} (${roleLabels[payload.user.role].toLowerCase()}).`);
      setForm(emptyUser);
    }
  }

  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const err = (k: string) => <FieldError id={`new-user-${k}-error`} messages={errors.of(k)} />;
  const described = (k: string) => (errors.of(k).length ? `new-user-${k}-error` : undefined);

  return (
    <div className="create-panel">
      <h3 id="create-user">Create user</h3>
      <form onSubmit={onSubmit} onChange={errors.onChange} className="admin-form" aria-labelledby="create-user">
        <div className="field"><label>Name<input name="name" value={form.name} onChange={set('name')} required autoComplete="off" aria-describedby={described('name')} /></label>{err('name')}</div>
        <div className="field"><label>Email<input type="email" name="email" value={form.email} onChange={set('email')} required autoComplete="off" aria-describedby={described('email')} /></label>{err('email')}</div>
        <div className="field">
          <label>
            Role
            <select name="role" value={form.role} onChange={set('role')} aria-describedby={described('role')}>
              {staffRoles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
            </select>
          </label>
          {err('role')}
        </div>
        <div className="field">
          <label>
            Password
            <input type="password" name="password" value={form.password} onChange={set('password')} required minLength={12} autoComplete="new-password" aria-describedby={[described('password'), 'new-user-password-hint'].filter(Boolean).join(' ')} />
          </label>
          <span className="hint" id="new-user-password-hint">12 characters or more.</span>
          {err('password')}
        </div>
        <FormError messages={errors.form} />
        {state.error && <ErrorNote error={state.error} />}
        <div><button type="submit" disabled={state.fetching}>Create user</button></div>
        {created && <p className="ok" role="status">{created}</p>}
      </form>
    </div>
  );
}
