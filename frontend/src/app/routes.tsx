import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import Layout from './Layout';
import SignInPage from '../auth/SignInPage';
import { Loading } from '../ui/States';

// Routes are split: each page is its own chunk, loaded when first visited.
const TodayPage = lazy(() => import('../today/TodayPage'));
const MembersPage = lazy(() => import('../members/MembersPage'));
const HousesPage = lazy(() => import('../houses/HousesPage'));
const HousePage = lazy(() => import('../houses/HousePage'));
const PeersPage = lazy(() => import('../peers/PeersPage'));
const PeerPage = lazy(() => import('../peers/PeerPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const GroupsPage = lazy(() => import('../groups/GroupsPage'));
const GroupPage = lazy(() => import('../groups/GroupPage'));
const MeetingPage = lazy(() => import('../groups/MeetingPage'));
const AdminPage = lazy(() => import('../admin/AdminPage'));
const PlanPage = lazy(() => import('../members/plan/PlanPage'));
const FamilyPage = lazy(() => import('../members/family/FamilyPage'));
const MemberJourneyPage = lazy(() => import('../members/MemberJourneyPage'));
const FamilyPortalPage = lazy(() => import('../family/FamilyPage'));
const AccountPage = lazy(() => import('../auth/AccountPage'));
const ResetPasswordPage = lazy(() => import('../auth/ResetPasswordPage'));

function page(Component: React.ComponentType) {
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/reset-password', element: page(ResetPasswordPage) },
  {
    element: <Layout portal="staff" />,
    children: [
      { index: true, element: page(TodayPage) },
      { path: 'members', element: page(MembersPage) },
      { path: 'houses', element: page(HousesPage) },
      { path: 'houses/:id', element: page(HousePage) },
      { path: 'peers', element: page(PeersPage) },
      { path: 'peers/:id', element: page(PeerPage) },
      { path: 'groups', element: page(GroupsPage) },
      { path: 'groups/:id', element: page(GroupPage) },
      { path: 'meetings/:id', element: page(MeetingPage) },
      { path: 'admin', element: page(AdminPage) },
      { path: 'members/:id/plan', element: page(PlanPage) },
      { path: 'members/:id/family', element: page(FamilyPage) },
      { path: 'members/:id', element: page(MemberJourneyPage) },
      { path: 'account', element: page(AccountPage) },
    ],
  },
  {
    element: <Layout portal="family" />,
    children: [
      { path: '/family', element: page(FamilyPortalPage) },
      { path: '/family/account', element: page(AccountPage) },
    ],
  },
  { path: '*', element: page(NotFoundPage) },
]);
