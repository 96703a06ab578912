/**
 * The pages of the web application that e-mails and calendar invitations link to, under PUBLIC_BASE_URL: the one
 * place that knows their paths, so every link opens a page a person can use rather than the API's JSON.
 */
export class WebPages {
  readonly base: string;

  constructor(publicBaseUrl: string) {
    this.base = publicBaseUrl.replace(/\/+$/, '');
  }

  /** Forside: what waits for the person. */
  home(): string {
    return `${this.base}/`;
  }

  /** Mødet: the member's meeting page, with the agenda, afbud and the minutes. */
  meeting(meetingId: string): string {
    return `${this.base}/moeder/${meetingId}`;
  }

  /** The director's page of a kommissorium, with "Godkend" and "Send tilbage". */
  commission(commissionId: string): string {
    return `${this.base}/kommissorier/${commissionId}`;
  }

  /** A published meeting on the public portal. */
  publicMeeting(meetingId: string): string {
    return `${this.base}/offentlig/moeder/${meetingId}`;
  }

  /** Choosing a password with a single-use token (a reset, or a new person's welcome). */
  newPassword(token: string): string {
    return `${this.base}/ny-adgangskode?token=${encodeURIComponent(token)}`;
  }

  /** A document the API serves (a PDF), by its path under /api. */
  document(apiPath: string): string {
    return `${this.base}${apiPath}`;
  }
}
