import { type AgendaMeetingInput, buildAgendaDocument, type MinutesDocument, type MinutesVariant } from '@app/domain';
import { sha256Hex } from '@app/storage';

/**
 * The agenda document of a variant and the hash of its content. The API and the worker compute it alike from the
 * meeting as they read it, so a stored PDF whose source hash differs was rendered from another version of the agenda.
 */
export function agendaDocumentOf(meeting: AgendaMeetingInput, variant: MinutesVariant): { document: MinutesDocument; sourceHash: string } {
  const document = buildAgendaDocument(meeting, { variant });
  return { document, sourceHash: sha256Hex(JSON.stringify(document)) };
}
