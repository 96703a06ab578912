import type { RouteObject } from 'react-router';
import { meetingQuery, publicMeetingQuery } from './api/meetings';
import { sessionQuery } from './api/session';
import { Layout } from './components/Layout';
import { RequireLogin } from './components/RequireLogin';
import { AgendaPrintPage } from './pages/AgendaPrintPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { CommissionPage } from './pages/CommissionPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MeetingPage } from './pages/MeetingPage';
import { NewPasswordPage } from './pages/NewPasswordPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { pageReads } from './page-reads';
import { PublicMeetingPage } from './pages/PublicMeetingPage';
import { PublicPortalPage } from './pages/PublicPortalPage';
import { CommissionEditorPage } from './pages/workspace/CommissionEditorPage';
import { CommitteePage } from './pages/workspace/CommitteePage';
import { CommitteesPage } from './pages/workspace/CommitteesPage';
import { NewCommitteePage } from './pages/workspace/NewCommitteePage';
import { NewPersonPage } from './pages/workspace/NewPersonPage';
import { PeoplePage } from './pages/workspace/PeoplePage';
import { ProcessPlanPage } from './pages/workspace/ProcessPlanPage';
import { AgendaBuilderPage } from './pages/workspace/AgendaBuilderPage';
import { MeetingRoomPage } from './pages/workspace/MeetingRoomPage';
import { MinutesPage } from './pages/workspace/MinutesPage';
import { DeliveriesPage } from './pages/workspace/DeliveriesPage';
import { CasesPage } from './pages/workspace/CasesPage';
import { NewMeetingPage } from './pages/workspace/NewMeetingPage';
import { StrategyPage } from './pages/workspace/StrategyPage';

const readSession = pageReads((queryClient) => queryClient.prefetchQuery(sessionQuery));
const readMeeting = pageReads((queryClient, { meetingId = '' }) => queryClient.prefetchQuery(meetingQuery(meetingId)));
const readPublicMeeting = pageReads((queryClient, { meetingId = '' }) => queryClient.prefetchQuery(publicMeetingQuery(meetingId)));

/**
 * The pages of docs/web-routes (the API answers each of these paths with index.html: apps/api/src/web-app-paths.ts).
 * A route's `handle` names the reads its page starts with (page-reads.ts): the frame's session, a meeting's pages
 * their meeting; the same reads the API names in the page's `Link: rel=preload` header (pagePreloads).
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    handle: readSession,
    children: [
      { path: '/log-ind', element: <LoginPage /> },
      { path: '/glemt-adgangskode', element: <ForgotPasswordPage /> },
      { path: '/ny-adgangskode', element: <NewPasswordPage /> },
      { path: '/offentlig', element: <PublicPortalPage /> },
      { path: '/offentlig/moeder/:meetingId', element: <PublicMeetingPage />, handle: readPublicMeeting },
      {
        element: <RequireLogin />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/skift-adgangskode', element: <ChangePasswordPage /> },
          { path: '/moeder/:meetingId', element: <MeetingPage />, handle: readMeeting },
          { path: '/moeder/:meetingId/dagsorden', element: <AgendaPrintPage />, handle: readMeeting },
          { path: '/kommissorier/:commissionId', element: <CommissionPage /> },
          // The secretary's workspace, committee side.
          { path: '/udvalg', element: <CommitteesPage /> },
          { path: '/udvalg/nyt', element: <NewCommitteePage /> },
          { path: '/udvalg/:committeeId', element: <CommitteePage /> },
          { path: '/udvalg/:committeeId/kommissorium', element: <CommissionEditorPage /> },
          { path: '/udvalg/:committeeId/procesplan', element: <ProcessPlanPage /> },
          { path: '/myndigheder/:bodyId/strategi', element: <StrategyPage /> },
          { path: '/personer', element: <PeoplePage /> },
          { path: '/personer/ny', element: <NewPersonPage /> },
          // The secretary's meeting workspace.
          { path: '/udvalg/:committeeId/moeder/nyt', element: <NewMeetingPage /> },
          { path: '/moeder/:meetingId/forberedelse', element: <AgendaBuilderPage />, handle: readMeeting },
          { path: '/moeder/:meetingId/moedet', element: <MeetingRoomPage />, handle: readMeeting },
          { path: '/moeder/:meetingId/referat', element: <MinutesPage />, handle: readMeeting },
          { path: '/moeder/:meetingId/udsendelser', element: <DeliveriesPage />, handle: readMeeting },
          { path: '/sager', element: <CasesPage /> },
          { path: '/sager/:caseNumber', element: <CasesPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
