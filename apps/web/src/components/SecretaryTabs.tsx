import { NavLink } from 'react-router';

const TABS = [
  ['forberedelse', 'Forberedelse'],
  ['moedet', 'Mødet'],
  ['referat', 'Referat'],
  ['udsendelser', 'Udsendelser'],
] as const;

/** The secretary's pages of one meeting, in the order the work happens. */
export function SecretaryTabs({ meetingId }: { meetingId: string }) {
  return (
    <nav aria-label="Mødets sider for sekretæren" className="secretary-tabs d-print-none">
      <ul className="secretary-tabs-list">
        {TABS.map(([path, label]) => (
          <li key={path}>
            <NavLink to={`/moeder/${meetingId}/${path}`} className={({ isActive }) => (isActive ? 'current' : undefined)} end>
              {label}
            </NavLink>
          </li>
        ))}
        <li>
          <NavLink to={`/moeder/${meetingId}`} end>
            Medlemmernes visning
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
