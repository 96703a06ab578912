import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findingPlace, PersonalDataFindings, personalDataFindings, type PersonalDataFinding } from './PersonalDataFindings';

const cpr: PersonalDataFinding = { kind: 'cpr', masked: '12****-**78', fingerprint: 'AAAAAAAAAAAAAAAAAAAAAA', where: { itemId: 'i1', itemNumber: 3, itemTitle: 'Klage over afgørelse', field: 'summary', offset: 15 } };
const email: PersonalDataFinding = { kind: 'email', masked: 'j***@example.dk', fingerprint: 'BBBBBBBBBBBBBBBBBBBBBB', where: { itemId: null, itemNumber: null, itemTitle: null, field: 'location', offset: 0 } };
const noop = () => undefined;

describe('the privacy check’s findings on a publishing button', () => {
  it('reads the findings of a personal_data_found refusal and nothing else', () => {
    expect(personalDataFindings({ code: 'personal_data_found', message: '…', details: { publication: 'agenda', findings: [cpr] } })).toEqual([cpr]);
    expect(personalDataFindings({ code: 'stale_state', message: '…' })).toBeNull();
    expect(personalDataFindings(undefined)).toBeNull();
  });

  it('names where each finding is in Danish', () => {
    expect(findingPlace(cpr)).toBe('punkt 3 "Klage over afgørelse", resume');
    expect(findingPlace(email)).toBe('mødets mødested');
    expect(findingPlace({ ...cpr, where: { ...cpr.where, field: 'dissents[0]' } })).toBe('punkt 3 "Klage over afgørelse", afvigende mening');
  });

  it('lists each finding masked in a DKFDS error alert, each to be confirmed, the retry allowed once all are', () => {
    const none = renderToStaticMarkup(<PersonalDataFindings id="udsend" findings={[cpr, email]} confirmed={new Set([cpr.fingerprint])} onToggle={noop} onRetry={noop} retryLabel="Udsend igen" />);
    expect(none).toContain('class="alert alert-error"');
    expect(none).toContain('CPR-nummer 12****-**78 i punkt 3 &quot;Klage over afgørelse&quot;, resume. Bekræft, at det skal offentliggøres');
    expect(none).toContain('E-mailadresse j***@example.dk i mødets mødested. Bekræft, at det skal offentliggøres');
    expect(none.match(/type="checkbox"/g)).toHaveLength(2);
    expect(none.match(/checked=""/g)).toHaveLength(1);
    expect(none).toMatch(/<button[^>]*disabled=""[^>]*>Udsend igen<\/button>/);

    const all = renderToStaticMarkup(<PersonalDataFindings id="udsend" findings={[cpr, email]} confirmed={new Set([cpr.fingerprint, email.fingerprint])} onToggle={noop} onRetry={noop} retryLabel="Udsend igen" />);
    expect(all).not.toMatch(/disabled=""/);
  });

  it('shows nothing without findings', () => {
    expect(renderToStaticMarkup(<PersonalDataFindings id="udsend" findings={[]} confirmed={new Set()} onToggle={noop} onRetry={noop} retryLabel="Udsend igen" />)).toBe('');
  });
});
