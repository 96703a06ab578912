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
