import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMinutesDocument, MINUTES_VARIANTS } from '../minutes-document.js';
import { renderMinutesHtml } from '../minutes-html.renderer.js';
import { renderMinutesMarkdown } from '../minutes-markdown.renderer.js';
import { HELD_MEETING } from '@app/domain/testing';

/**
 * The referat of the fixture meeting, both variants, as Markdown and HTML, byte for byte as stored under golden/:
 * a change to what existing minutes say shows here as a failing test, and is accepted only by rewriting the files
 * (`UPDATE_GOLDEN=1`) and reading the diff.
 */
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

describe('the golden referat', () => {
  for (const variant of MINUTES_VARIANTS) {
    const document = buildMinutesDocument(HELD_MEETING, { variant });
    for (const [extension, render] of [
      ['md', renderMinutesMarkdown],
      ['html', renderMinutesHtml],
    ] as const) {
      it(`renders the ${variant} version as ${extension} exactly as stored`, () => {
        const path = join(GOLDEN, `referat.${variant}.${extension}`);
        const rendered = render(document);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, rendered);
        expect(rendered).toBe(readFileSync(path, 'utf8'));
      });
    }
  }
});
