/**
 * The meetings, their items and Bilag for statements of other features that publish agendas (the open-data
 * reads); whether a sent meeting is public now is PublicMeetingRule's. The arguments are aliases of the composing
 * statement.
 */
export const PublicAgendaSql = {
  /**
   * The meetings whose agenda was sent at some time: public now, or cancelled since (depublished), which open data
   * still answers, as deleted. A planned agenda is a draft and never appears.
   */
  sentMeetings: (alias: string): string => `(SELECT * FROM meeting WHERE published_at IS NOT NULL) ${alias}`,
  /** `agenda_item <alias>`: the items, to be joined to their meeting; closed ones only through redactItemForPublic. */
  items: (alias: string): string => `agenda_item ${alias}`,
  /** `item_attachment <alias>`: the Bilag, to be joined to their item; public only as attachmentIsPublic says. */
  attachments: (alias: string): string => `item_attachment ${alias}`,
  /**
   * Whether the item shows its Bilag while its meeting is public: open and not withdrawn. With isPublic, the SQL of
   * attachmentIsPublic (attachment.service.ts); on a depublished meeting, the Bilag that were public until then.
   */
  itemShowsAttachments: (item: string): string => `(NOT ${item}.closed AND ${item}.state <> 'withdrawn')`,
  /** `item_attachment_removal <alias>`: the Bilag removed while public (attachment_id, item_id, created_at, removed_at). */
  removedAttachments: (alias: string): string => `item_attachment_removal ${alias}`,
  /** The public agenda PDF of each meeting, as last built (meeting_id, size, sha256, sha512, built_at). */
  publicAgendaDocuments: (alias: string): string => `(SELECT * FROM agenda_document WHERE variant = 'public') ${alias}`,
};
