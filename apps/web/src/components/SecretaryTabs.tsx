import { NavLink } from 'react-router';
import { runningMeetingTime } from '@app/domain/danish-dates';
import { meetingName } from '../api/meetings';

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

/** The head of each of the secretary's pages of a meeting: which page, of which meeting, the tabs, when and where. */
export function SecretaryMeetingHeader({ section, meeting }: { section: string; meeting: { id: string; committeeName: string; title: string | null; startsAt: string; endsAt: string | null; location: string } }) {
  return (
    <>
      <h1>
        {section}: {meetingName(meeting)}
      </h1>
      <SecretaryTabs meetingId={meeting.id} />
      <p className="font-lead">
        {runningMeetingTime(meeting.startsAt, meeting.endsAt)}
        <br />
        {meeting.location}
      </p>
    </>
  );
}
