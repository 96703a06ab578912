import { describe, expect, it } from 'vitest';
import { commissionBody, commissionForm, commissionFormChanged } from './commission-form';

const saved = {
  title: 'Kommissorium for nytænkning',
  purpose: 'Udvalget skal nytænke socialområdet.',
  background: null,
  themes: ['Partnerskaber', 'Et sammenhængende socialområde'],
  composition: 'Formand og fire medlemmer',
  deliverables: null,
} as never;

describe('the kommissorium editor’s draft', () => {
  it('holds the themes one to a line and the missing parts as empty text', () => {
    expect(commissionForm(saved)).toEqual({
      title: 'Kommissorium for nytænkning',
      purpose: 'Udvalget skal nytænke socialområdet.',
      background: '',
      themes: 'Partnerskaber\nEt sammenhængende socialområde',
      composition: 'Formand og fire medlemmer',
      deliverables: '',
    });
  });

  it('sends the themes as a list without empty lines, every text trimmed', () => {
    const body = commissionBody({ ...commissionForm(saved), themes: '  Partnerskaber \n\n Inddragelse  \n', purpose: ' Formålet. ' });
    expect(body.themes).toEqual(['Partnerskaber', 'Inddragelse']);
    expect(body.purpose).toBe('Formålet.');
  });

  it('sees a change only where the text differs, not in spaces or empty lines around it', () => {
    expect(commissionFormChanged({ ...commissionForm(saved), themes: 'Partnerskaber\n\nEt sammenhængende socialområde\n' }, saved)).toBe(false);
    expect(commissionFormChanged({ ...commissionForm(saved), deliverables: 'Anbefalinger i 4. kvt. 2025' }, saved)).toBe(true);
  });
});
