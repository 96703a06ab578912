import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { loginPath } from '../lib/next-path';
import { ErrorAlert } from './ErrorSummary';
import { Loading } from './Loading';

/** The pages behind a login: without a session the reader goes to "Log ind" and comes back here afterwards. */
export function RequireLogin() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert message="Vi kunne ikke se, om du er logget ind. Prøv igen om lidt." />;
  if (!session.data) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  return <Outlet />;
}
