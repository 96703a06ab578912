import type { MinutesVariant } from '@app/domain';
import type { MinutesFormat } from './minutes-file.entity.js';

/** The path of a document: the members' route, or the public one for the public variant once published. */
export function minutesDocumentUrl(meetingId: string, variant: MinutesVariant, format: MinutesFormat, published: boolean): string {
  if (variant === 'public' && published) return `/api/public/meetings/${meetingId}/minutes.${format}`;
  return `/api/meetings/${meetingId}/minutes.${format}${variant === 'public' ? '?variant=public' : ''}`;
}
