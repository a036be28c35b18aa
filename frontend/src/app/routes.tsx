import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import Layout from './Layout';
import SignInPage from '../auth/SignInPage';
import { Loading } from '../ui/States';

// Routes are split: each page is its own chunk, loaded when first visited.
const TodayPage = lazy(() => import('../pages/TodayPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const FamilyPage = lazy(() => import('../family/FamilyPage'));

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
    ],
  },
  {
    element: <Layout portal="family" />,
    children: [
      { path: '/family', element: page(FamilyPage) },
    ],
  },
  { path: '*', element: page(NotFoundPage) },
]);
