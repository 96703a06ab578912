import { AsyncLocalStorage } from 'node:async_hooks';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { answerReadsFrom, type PageAnswer, pageAnswersElement } from './api/page-answers';
import { AppTree } from './app-tree';
import { startPageReads } from './page-reads';
import { routes } from './routes';

/**
 * The web application drawn on the server (built by `vite build --ssr` into dist/web-server, loaded by the API):
 * one page at one address from the answers to its first reads, which the API has made for the visitor. Pages for
 * different visitors are drawn at the same time in one process, so each drawing's answers are its own
 * (AsyncLocalStorage), never a shared variable; a read the drawing was given no answer to is not made at all.
 */
const drawing = new AsyncLocalStorage<Map<string, PageAnswer>>();
const NOT_GIVEN: PageAnswer = { url: '', status: 503, body: null };
answerReadsFrom((url) => {
  const answers = drawing.getStore();
  return answers ? (answers.get(url) ?? NOT_GIVEN) : undefined;
});

export interface DrawnPage {
  /** The page's markup, for the app's root element. */
  html: string;
  /** The element that carries the answers, for the browser's app to take the page over with. */
  answersElement: string;
}

/** The page at `url` (its path and query) drawn from the answers to its first reads. */
export async function drawPage(url: string, answers: PageAnswer[]): Promise<DrawnPage> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const path = url.split('?', 1)[0];
  await drawing.run(new Map(answers.map((answer) => [answer.url, answer])), () => startPageReads(routes, queryClient, path));
  const AtPath = ({ children }: { children: ReactNode }) => <StaticRouter location={url}>{children}</StaticRouter>;
  const html = renderToString(<AppTree queryClient={queryClient} router={AtPath} />);
  queryClient.clear();
  return { html, answersElement: pageAnswersElement(answers) };
}
