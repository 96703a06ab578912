import type { components } from '../api/schema';

/** The parts of a kommissorium a reader compares between versions, with their Danish names. */
export const COMMISSION_PARTS = [
  ['title', 'Titel'],
  ['purpose', 'Formål'],
  ['background', 'Baggrund'],
  ['themes', 'Temaer'],
  ['composition', 'Sammensætning'],
  ['deliverables', 'Leverancer'],
] as const;

export type CommissionText = Pick<components['schemas']['CommissionDto'], (typeof COMMISSION_PARTS)[number][0]>;

export interface CommissionChange {
  part: string;
  before: string;
  after: string;
}

const asText = (value: string | string[] | null): string => (Array.isArray(value) ? value.join('\n') : (value ?? '')).trim();

/** What changed from the previous version to this one, part by part ("Formål", "Temaer", ...). */
export function commissionChanges(previous: CommissionText, current: CommissionText): CommissionChange[] {
  return COMMISSION_PARTS.flatMap(([field, part]) => {
    const before = asText(previous[field]);
    const after = asText(current[field]);
    return before === after ? [] : [{ part, before, after }];
  });
}
