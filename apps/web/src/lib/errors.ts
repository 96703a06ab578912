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
  meeting_started: 'Mødet er begyndt, så dit afbud kan ikke fortrydes her. Kontakt sekretæren.',
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
  substitute_seated: 'Personen har selv en plads i udvalget i perioden og kan ikke være stedfortræder.',
  substitute_listed: 'Personen er allerede stedfortræder for pladsen.',
  member_not_absent: 'Medlemmet har ikke meldt afbud.',
  substitute_already_called_in: 'Der er allerede indkaldt en stedfortræder for medlemmet.',
  no_substitute_free: 'Ingen af pladsens stedfortrædere er ledige til mødet.',
  substitute_not_free: 'Stedfortræderen er ikke ledig til mødet.',
  substitutes_closed: 'Stedfortrædere indkaldes og frigives, før mødet holdes.',
  quorum_not_met: 'Udvalget er ikke beslutningsdygtigt på punktet: under halvdelen af medlemmerne deltager.',
  personal_data_found: 'Teksten, der bliver offentlig, indeholder personoplysninger. Ret teksten, eller bekræft hvert fund nedenfor.',
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
  // The secretary's meeting workspace (Nyt møde, Forberedelse, Mødet, Referat, Udsendelser, Sager).
  meeting_ends_before_start: 'Mødet skal slutte efter, det begynder.',
  meeting_outside_mandate: 'Mødet ligger uden for udvalgets funktionsperiode. Vælg en dato inden for perioden.',
  meeting_not_changeable: 'Mødet kan ikke længere ændres, da det er afholdt, afsluttet eller aflyst.',
  meeting_cancelled: 'Mødet er aflyst.',
  agenda_closed: 'Dagsordenen kan ikke længere ændres, da mødet er afholdt.',
  item_not_deletable: 'Punktet er på den udsendte dagsorden og kan ikke slettes. Lad punktet udgå i stedet.',
  item_withdrawn: 'Punktet er udgået af dagsordenen og kan ikke længere ændres.',
  title_required: 'Skriv en titel på punktet.',
  time_slot_reversed: 'Tidsrummet skal slutte efter, det begynder.',
  incomplete_time_slot: 'Angiv både start og slut på tidsrummet, eller ingen af dem.',
  time_slot_outside_meeting: 'Tidsrummet skal ligge inden for mødets tid.',
  time_slot_overlaps: 'Tidsrummet overlapper et andet punkts tidsrum.',
  recurring_item_exists: 'Dagsordenen har allerede et af de valgte faste punkter. Fravælg det, og prøv igen.',
  duplicate_recurring_item: 'Vælg hvert fast punkt én gang.',
  attachments_closed: 'Bilag kan ikke længere ændres på dette møde.',
  upload_incomplete: 'Overførslen af filen blev afbrudt. Prøv igen.',
  file_missing: 'Vælg en fil.',
  invalid_multipart: 'Filen kunne ikke læses. Prøv igen.',
  payload_too_large: 'Filen er for stor til at blive gemt som bilag.',
  unsupported_media_type: 'Filtypen kan ikke bruges som bilag. Brug PDF, Office-, ODF-, billed- eller tekstfiler.',
  agenda_not_sent: 'Dagsordenen er ikke udsendt endnu.',
  until_only_for_virtual: '"Til kl." angives kun for virtuel deltagelse.',
  decision_before_meeting: 'Beslutningen skrives, når mødet holdes.',
  decision_not_open: 'Punktets udfald er afgjort, og beslutningen kan ikke længere ændres.',
  refer_needs_meeting: 'Vælg det møde, sagen oversendes til.',
  refer_to_same_committee: 'En sag oversendes til et andet udvalg end udvalgets eget.',
  referral_off_route: 'Sagen kan ikke oversendes til det udvalg. Vælg et møde i et udvalg, sagen kan gå videre til.',
  referral_pending: 'Sagen er allerede oversendt til et andet møde.',
  referral_decided: 'Sagen er allerede sat på dagsordenen eller afvist. Genindlæs siden.',
  referral_not_found: 'Den oversendte sag findes ikke på mødet længere. Genindlæs siden.',
  notes_not_open: 'Afvigende meninger og inhabilitet føres til referat, mens mødet holdes.',
  not_a_member_on_meeting_day: 'Personen sad ikke i udvalget på mødedagen.',
  item_note_exists: 'Medlemmet har allerede sådan en note på punktet.',
  meeting_not_held: 'Referatet dannes, når mødet er holdt.',
  minutes_not_found: 'Mødet har intet referat endnu.',
  minutes_not_ready: 'Referatet er ikke dannet endnu.',
  minutes_not_draft: 'Referatet er godkendt. Det skal genåbnes, før det dannes igen.',
  minutes_sealed: 'Referatet er underskrevet og forseglet. Tilføj et tillæg i stedet.',
  minutes_not_sealed: 'Tillæg føjes til referatet, når alle har underskrevet.',
  delivery_not_failed: 'Kun en mislykket e-mail sendes igen. Denne er sendt eller prøves stadig.',
  case_not_found: 'Intet dagsordenspunkt har det sagsnummer.',
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
