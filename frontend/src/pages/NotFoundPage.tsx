import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <main className="not-found">
      <h1>Page not found</h1>
      <p><Link to="/">Back to the start</Link></p>
    </main>
  );
}
