import { afterEach, describe, expect, it } from 'vitest';
import { answeredOnce, answerReadsFrom, fetchOrAnswer, pageAnswersElement } from './page-answers';

const MEETING = { url: '/api/meetings/m-1', status: 200, body: { title: 'Møde </script>' } };

describe('the answers a page came with', () => {
  afterEach(() => answerReadsFrom(() => undefined));

  it('answers a GET of their URL once, from the page; the next read of it goes to the API', async () => {
    answerReadsFrom(answeredOnce([MEETING]));
    const answered = await fetchOrAnswer(new Request('http://localhost/api/meetings/m-1'));
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual(MEETING.body);
    // Nothing listens on port 9 here: the second read really is sent, and fails.
    await expect(fetchOrAnswer(new Request('http://127.0.0.1:9/api/meetings/m-1'))).rejects.toThrow();
  });

  it('never answers a write, whatever its URL', async () => {
    answerReadsFrom(answeredOnce([MEETING]));
    await expect(fetchOrAnswer(new Request('http://127.0.0.1:9/api/meetings/m-1', { method: 'POST' }))).rejects.toThrow();
  });

  it('are carried as JSON in which no text can end the element', () => {
    const element = pageAnswersElement([MEETING]);
    expect(element.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>')))).toEqual([MEETING]);
  });
});
