import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import Layout from './Layout';
import SignInPage from '../auth/SignInPage';
import { Loading } from '../ui/States';

// Routes are split: each page is its own chunk, loaded when first visited.
const TodayPage = lazy(() => import('../pages/TodayPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const MemberJourneyPage = lazy(() => import('../members/MemberJourneyPage'));

function page(Component: React.ComponentType) {
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <Layout portal="staff" />,
    children: [
      { index: true, element: page(TodayPage) },
      { path: 'members/:id', element: page(MemberJourneyPage) },
    ],
  },
  { path: '*', element: page(NotFoundPage) },
]);
