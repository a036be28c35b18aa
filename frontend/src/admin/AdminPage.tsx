import { useQuery } from 'urql';
import { ViewerQuery } from '../auth/viewer';
import { Loading } from '../ui/States';
import ApiKeysSection from './ApiKeysSection';
import AuditLogSection from './AuditLogSection';
import UsersSection from './UsersSection';
import './admin.css';

/** Administration: accounts, partners' API keys and the audit log (admins only). */
export default function AdminPage() {
  const [{ data, fetching }] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  if (fetching && !data) return <Loading />;
  if (data?.viewer.user?.role !== 'ADMIN') {
    return (
      <section>
        <h1>Admin</h1>
        <p className="state" role="alert">Only administrators can manage users, API keys and the audit log.</p>
      </section>
    );
  }
  return (
    <div className="admin-page">
      <h1>Admin</h1>
      <nav aria-label="Admin sections" className="admin-toc">
        <a href="#users">Users</a> · <a href="#api-keys">API keys</a> · <a href="#audit-log">Audit log</a>
      </nav>
      <UsersSection viewerId={data.viewer.user.id} />
      <ApiKeysSection />
      <AuditLogSection />
    </div>
  );
}
