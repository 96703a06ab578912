import type { ReactNode } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useLogout, useSession } from '../api/session';

/**
 * The frame of every page, in Det Fælles Designsystem's shape: a skip link, the header with the portal's name and
 * who is logged in ("Log ud"), the solution's name, the main navigation, the page, and the footer. The secretary's
 * workspace's entries: Udvalg and Sager for whoever is logged in, Personer for an administrator.
 */
export function Layout() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const person = session.data?.person;

  const logOut = async () => {
    await logout();
    navigate('/log-ind');
  };

  return (
    <>
      <a className="skipnav" href="#main-content">
        Gå til sidens indhold
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <Link to={person ? '/' : '/offentlig'} className="logo-text">
              Udvalgsarbejde
            </Link>
            {person ? (
              <div className="portal-user">
                <p className="user">
                  <span className="weight-semibold">{person.name}</span>
                </p>
                <button type="button" className="button button-secondary d-print-none" onClick={logOut}>
                  Log ud
                </button>
              </div>
            ) : null}
          </div>
        </div>
        <nav className="navigation-menu d-print-none" aria-label="Hovedmenu">
          <div className="navigation-menu-inner container">
            <ul className="mainmenu inline-list">
              {person ? <MenuLink to="/" end>Forside</MenuLink> : <MenuLink to="/log-ind">Log ind</MenuLink>}
              {person ? <MenuLink to="/udvalg">Udvalg</MenuLink> : null}
              {person ? <MenuLink to="/sager">Sager</MenuLink> : null}
              {person?.roles.includes('admin') ? <MenuLink to="/personer">Personer</MenuLink> : null}
              <MenuLink to="/offentlig">Offentlige dagsordener og referater</MenuLink>
              {person ? <MenuLink to="/skift-adgangskode">Skift adgangskode</MenuLink> : null}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer>
        <div className="footer container">
          <p>Udvalgsarbejde – dagsordener, referater og kommissorier for kommunens udvalg.</p>
        </div>
      </footer>
    </>
  );
}

function MenuLink({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <li>
      <NavLink to={to} end={end} className={({ isActive }) => (isActive ? 'current' : undefined)}>
        {children}
      </NavLink>
    </li>
  );
}
