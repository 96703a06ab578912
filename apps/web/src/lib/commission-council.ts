import type { components } from '../api/schema';
import { runningDate } from '@app/domain/danish-dates';

type Commission = components['schemas']['CommissionDto'];

/** The kommissorium's states as the pages name them. */
export const COMMISSION_STATE_NAMES: Record<Commission['state'], string> = {
  draft: 'Kladde',
  submitted: 'Afventer godkendelse',
  approved: 'Godkendt',
  'awaiting-council': 'Godkendt af direktionen, afventer vedtagelse',
  adopted: 'Vedtaget',
  superseded: 'Afløst af en nyere version',
};

/** "Byrådets", "PKØ-udvalgets": the Danish genitive of a committee's name. */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/**
 * Where the council's adoption of the version stands, in a sentence: "Afventer Byrådets vedtagelse" while it waits,
 * "Vedtaget af Byrådet mandag den 3. februar 2025" once adopted; null where the director's approval is the last step.
 */
export function councilStatus(commission: Pick<Commission, 'state' | 'council' | 'adopted'>): string | null {
  const council = commission.council;
  if (!council) return null;
  if (commission.state === 'awaiting-council') return `Afventer ${genitive(council.committeeName)} vedtagelse`;
  if (commission.adopted && (commission.state === 'adopted' || commission.state === 'superseded')) {
    return `Vedtaget af ${council.committeeName} ${runningDate(council.meetingStartsAt ?? commission.adopted.at)}`;
  }
  return null;
}
