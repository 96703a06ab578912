/**
 * The answers to a page's first reads that came with the page itself. When the API renders a page on the server
 * (apps/api/src/web-app.ts) it makes the page's first reads itself, draws the page from their answers and sends
 * both; the app in the browser then reads from these answers, so it draws exactly what the server drew and takes
 * the page over without reading anything twice. On the server the same answers are what the page is drawn from.
 */
export interface PageAnswer {
  /** Path and query of the read, as the app asks for it: `/api/meetings/<id>`. */
  url: string;
  status: number;
  body: unknown;
}

/** Where the app's reads look first: an answer the page came with, or none (then the read goes to the API). */
type AnswerSource = (url: string) => PageAnswer | undefined;

let answerSource: AnswerSource = () => undefined;

export function answerReadsFrom(source: AnswerSource): void {
  answerSource = source;
}

/** Each answer the page came with, handed out once: a read made later, e.g. after a change, goes to the API. */
export function answeredOnce(answers: PageAnswer[]): AnswerSource {
  const waiting = new Map(answers.map((answer) => [answer.url, answer]));
  return (url) => {
    const answer = waiting.get(url);
    waiting.delete(url);
    return answer;
  };
}

/** The typed client's fetch: a GET the page came with an answer to is answered from it. */
export function fetchOrAnswer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const answer = request.method === 'GET' ? answerSource(`${url.pathname}${url.search}`) : undefined;
  if (!answer) return fetch(request);
  return Promise.resolve(new Response(answer.status === 204 ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } }));
}

/** The id of the element in which a server-rendered page carries its answers (JSON, never run as a script). */
export const PAGE_ANSWERS_ELEMENT_ID = 'page-answers';

/** In the browser: the answers the page came with, as their JSON text, or null for a page the server did not draw. */
export function carriedAnswers(): string | null {
  return document.getElementById(PAGE_ANSWERS_ELEMENT_ID)?.textContent ?? null;
}

/**
 * The answers as the page carries them: JSON in a `<script type="application/json">`, every `<` written as \u003c
 * so that no text in them (an item titled `</script>`) can end the element.
 */
export function pageAnswersElement(answers: PageAnswer[]): string {
  return `<script type="application/json" id="${PAGE_ANSWERS_ELEMENT_ID}">${JSON.stringify(answers).replace(/</g, '\\u003c')}</script>`;
}
