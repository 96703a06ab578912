import type { MinutesVariant } from '@app/domain';
import type { MinutesEdition, MinutesFormat } from './minutes-file.entity.js';

/**
 * The path of a document: the members' route, or the public one for the public variant once published. Sealed
 * minutes are served as signed by default, so the assembled edition beside them is asked for by name.
 */
export function minutesDocumentUrl(meetingId: string, variant: MinutesVariant, format: MinutesFormat, published: boolean, edition: MinutesEdition, sealed: boolean): string {
  const assembledOfSealed = sealed && edition === 'assembled';
  if (variant === 'public' && published && !assembledOfSealed) return `/api/public/meetings/${meetingId}/minutes.${format}`;
  const query = [...(variant === 'public' ? ['variant=public'] : []), ...(assembledOfSealed ? ['edition=assembled'] : [])];
  return `/api/meetings/${meetingId}/minutes.${format}${query.length ? `?${query.join('&')}` : ''}`;
}
