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
  /** `item_attachment <alias>`: the Bilag, to be joined to their item; public only for an open item of a public meeting. */
  attachments: (alias: string): string => `item_attachment ${alias}`,
};
