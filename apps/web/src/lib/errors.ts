/** An API refusal as the API sends it: `{statusCode, error, message, code}`. */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  code?: string;
}

/** What the reader is told, in Danish, for the refusals the pages meet. */
const MESSAGES: Record<string, string> = {
  invalid_credentials: 'E-mail eller adgangskode er forkert.',
  unauthenticated: 'Du skal logge ind for at se siden.',
  too_many_login_attempts: 'For mange forsøg på at logge ind. Vent et minut, og prøv igen.',
  rate_limited: 'For mange forsøg. Vent et minut, og prøv igen.',
  password_too_weak: 'Adgangskoden er for svag. Vælg en længere adgangskode, gerne flere ord.',
  current_password_wrong: 'Den nuværende adgangskode er forkert.',
  password_token_invalid: 'Linket til at vælge adgangskode er ugyldigt, brugt eller udløbet. Bed om et nyt under Glemt adgangskode.',
  csrf_token_invalid: 'Din session er udløbet. Genindlæs siden, og prøv igen.',
  forbidden: 'Du har ikke adgang til at gøre dette.',
  validation_failed: 'Udfyld felterne korrekt.',
  comment_required: 'Skriv en kommentar, når du sender kommissoriet tilbage.',
  commission_approver_submitted: 'Du har selv indsendt denne version og kan derfor ikke godkende den. En anden direktør skal godkende.',
  illegal_transition: 'Det kan ikke lade sig gøre i sagens nuværende tilstand. Genindlæs siden.',
  stale_state: 'Sagen er ændret imens. Genindlæs siden, og prøv igen.',
  transition_guard_failed: 'Det kan ikke lade sig gøre endnu. Genindlæs siden.',
  not_a_signatory: 'Kun de, der deltog i mødet, underskriver referatet.',
  attendance_closed: 'Afbud kan ikke længere ændres, da mødet er begyndt.',
  stale_row_version: 'Nogen har ændret dette imens. Genindlæs siden, og prøv igen.',
  meeting_record_sealed: 'Referatet er underskrevet, og mødets registreringer kan ikke længere ændres.',
  meeting_not_found: 'Mødet findes ikke, eller du har ikke adgang til det.',
  commission_not_found: 'Kommissoriet findes ikke, eller du har ikke adgang til det.',
  not_found: 'Siden findes ikke.',
  // The secretary's workspace, committee side: committees, seats, people, kommissorium drafts and the process plan.
  mandate_end_required: 'Et § 17, stk. 4-udvalg skal have en slutdato for sit mandat inden for valgperioden.',
  mandate_beyond_election_term: 'Mandatet skal slutte inden for myndighedens valgperiode.',
  mandate_excludes_memberships: 'Det nye mandat ville lade nogle medlemmers perioder ligge uden for det. Ret medlemmernes perioder først.',
  parent_required: 'En arbejdsgruppe skal høre under et udvalg. Vælg udvalget.',
  committee_of_other_body: 'Udvalget skal høre til samme myndighed.',
  committee_refers_to_itself: 'Et udvalg kan ikke høre under eller rapportere til sig selv.',
  committee_relation_loop: 'Valget ville give en ring af udvalg, der hører under hinanden.',
  committee_not_found: 'Udvalget findes ikke, eller du har ikke adgang til det.',
  body_not_found: 'Myndigheden findes ikke.',
  person_not_found: 'Personen findes ikke.',
  period_end_before_start: 'Slutdatoen ligger før startdatoen.',
  invalid_date: 'Skriv en gyldig dato.',
  membership_outside_mandate: 'Perioden skal ligge inden for udvalgets mandat.',
  role_already_held: 'Udvalget har allerede en med den rolle i perioden. Afslut den andens plads først, eller vælg en anden periode.',
  membership_overlaps: 'Personen har allerede den rolle i udvalget i en del af perioden.',
  membership_not_found: 'Pladsen findes ikke længere. Genindlæs siden.',
  email_taken: 'En anden person har allerede denne e-mail.',
  outside_administered_bodies: 'Du administrerer kun personer og udvalg i dine egne myndigheder.',
  last_administrator: 'Den sidste administrator kan ikke miste sin rolle eller sit login.',
  commission_exists: 'Udvalget har allerede et kommissorium. Genindlæs siden.',
  commission_not_draft: 'Kun en kladde kan rettes. Genindlæs siden.',
  phase_outside_mandate: 'Fasens kvartaler skal ligge inden for udvalgets mandat.',
  phase_overlaps: 'Fasen overlapper en anden fase i procesplanen. Vælg andre kvartaler.',
  phase_closed: 'Fasen er afsluttet eller aflyst og kan ikke ændres.',
  active_phase_start_after_today: 'En igangværende fase kan ikke flyttes til at starte efter i dag.',
  quarter_span_reversed: 'Sidste kvartal ligger før første kvartal.',
  invalid_quarter: 'Vælg et kvartal.',
  participant_already_invited: 'Personen er allerede inviteret til fasen.',
  participant_is_member: 'Personen deltager allerede som medlem af udvalget.',
  role_may_not_fire_event: 'Din rolle må ikke gøre dette.',
  calendar_feed_not_found: 'Kalenderabonnementet findes ikke længere. Genindlæs siden.',
};

/** The statuses' meanings, for a refusal without a code we know. */
const BY_STATUS: Record<number, string> = {
  400: 'Oplysningerne kunne ikke bruges. Ret felterne, og prøv igen.',
  401: MESSAGES.unauthenticated,
  403: MESSAGES.forbidden,
  404: MESSAGES.not_found,
  409: 'Det kan ikke lade sig gøre lige nu. Genindlæs siden, og prøv igen.',
  429: MESSAGES.rate_limited,
};

/** The refusals whose message the API writes in Danish for the reader (why a password is too weak). */
const DANISH_FROM_THE_API = new Set(['password_too_weak']);

/** A Danish message for an API refusal (by its code, else its status), or for no answer at all. */
export function danishMessage(error: ApiErrorBody | null | undefined, status?: number): string {
  if (error?.code && DANISH_FROM_THE_API.has(error.code) && typeof error.message === 'string' && error.message.trim()) return error.message;
  if (error?.code && MESSAGES[error.code]) return MESSAGES[error.code];
  const statusCode = status ?? error?.statusCode;
  if (statusCode && BY_STATUS[statusCode]) return BY_STATUS[statusCode];
  return 'Der skete en fejl. Prøv igen om lidt.';
}
