import type { CombinedError } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';

/**
 * A Today card that lists the first nodes of a connection the server
 * limits: its states (error, loading, empty), one item a node, and how many
 * of the total it shows when that is not all.
 */
export function ListCard<T>(props: {
  id: string;
  title: string;
  error?: CombinedError;
  conn: { nodes: readonly T[]; totalCount: number } | undefined;
  empty: string;
  keyOf: (node: T) => string;
  item: (node: T) => React.ReactNode;
}) {
  const { conn } = props;
  return (
    <section className="today-card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.error ? <ErrorNote error={props.error} /> : !conn ? <Loading />
        : conn.nodes.length === 0 ? <Empty>{props.empty}</Empty>
        : (
          <ul className="plain-list">
            {conn.nodes.map((n) => <li key={props.keyOf(n)}>{props.item(n)}</li>)}
          </ul>
        )}
      {conn && conn.totalCount > conn.nodes.length && (
        <p className="today-note">Showing {conn.nodes.length} of {conn.totalCount}.</p>
      )}
    </section>
  );
}
