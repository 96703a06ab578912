/** The meetings and their agenda items for statements of other features that must stay one statement (the strategy read). */
export const AgendaSql = {
  /** `meeting <alias>`: the meetings as a table of a caller's FROM. */
  meetings: (alias: string): string => `meeting ${alias}`,
  /** `agenda_item <alias>`: the items; a closed one is shown through redactItemForPublic to anyone without a seat. */
  items: (alias: string): string => `agenda_item ${alias}`,
};
