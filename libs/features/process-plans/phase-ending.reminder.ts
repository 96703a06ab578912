import { AppConfig, type WebPages } from '@app/config';
import type { Transaction } from '@app/database';
import { runningDate, type IsoDate, phaseEndingReminderDay, todayInCopenhagen } from '@app/domain';
import { CalendarRepository } from '@app/committees';
import { type ReminderCheck, type ReminderContent, type ReminderDay, type ReminderKindOf, Reminds, ReminderScheduler, type ScheduledReminder } from '@app/reminders';
import { PhaseReminderRepository } from './phase-reminder.repository.js';

/** A phase that is active (started, or re-planned while active). */
export interface ActivePhase {
  id: string;
  committeeId: string;
  endDate: IsoDate;
}

declare module '@app/reminders' {
  interface ReminderSubjects {
    'phase-ending': ActivePhase;
  }
}

export interface PhaseEndingFacts {
  committeeName: string;
  phaseTitle: string;
  endDate: IsoDate;
  url: string;
}

/** What the secretary and chair are told of a phase about to end. */
export function phaseEndingReminderContent(facts: PhaseEndingFacts): ReminderContent {
  return {
    subject: `Påmindelse: fasen "${facts.phaseTitle}" slutter snart`,
    body: [
      { text: `Fasen "${facts.phaseTitle}" i procesplanen for ${facts.committeeName} er stadig i gang og slutter ${runningDate(facts.endDate)}.` },
      { text: 'Afslut fasen, når arbejdet er gjort, eller planlæg den om, hvis den skal fortsætte.' },
    ],
    link: { label: 'Fasen', url: facts.url },
  };
}

/** The secretary and chair hear some working days before an active phase ends. */
@Reminds('phase-ending')
export class PhaseEndingReminder implements ReminderKindOf<'phase-ending'> {
  private readonly pages: WebPages;

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly calendars: CalendarRepository,
    private readonly phases: PhaseReminderRepository,
    private readonly config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  schedulePhaseEnding(tx: Transaction, phase: ActivePhase): Promise<void> {
    return this.scheduler.schedule(tx, 'phase-ending', phase);
  }

  async dayOf(tx: Transaction, phase: ActivePhase): Promise<ReminderDay> {
    const { calendar } = await this.calendars.ofCommittee(phase.committeeId, tx);
    return { dueOn: phaseEndingReminderDay(calendar, phase.endDate, this.config.reminderOffsets), basis: phase.endDate };
  }

  async check({ subjectId, basis }: ScheduledReminder): Promise<ReminderCheck> {
    const phase = await this.phases.find(subjectId);
    if (!phase) return { gone: 'the phase no longer exists' };
    if (phase.state !== 'active') return { gone: `the phase is ${phase.state}` };
    if (phase.endDate !== basis) return { gone: 'the phase was re-planned; the reminder for its new end replaced this one' };
    if (phase.endDate < todayInCopenhagen()) return { gone: 'the phase has already ended' };
    return {
      recipients: await this.phases.seated(phase.committeeId, ['secretary', 'chair']),
      listedUnder: null,
      content: phaseEndingReminderContent({ committeeName: phase.committeeName, phaseTitle: phase.title, endDate: phase.endDate, url: this.pages.home() }),
    };
  }
}
