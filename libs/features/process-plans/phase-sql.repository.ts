/** The process plan's tables for statements of other features that must stay one statement (an e-mail round's recipients). */
export const PhaseSql = {
  /** `phase <alias>`: the phases as a table of a caller's FROM (the strategy read). */
  table: (alias: string): string => `phase ${alias}`,
  /** Rows (person_id) of everyone invited to the committee's running phase. */
  activePhaseParticipants: (committee: string): string =>
    `(SELECT pp.person_id FROM phase_participant pp JOIN phase ph ON ph.id = pp.phase_id WHERE ph.committee_id = ${committee} AND ph.state = 'active')`,
};
