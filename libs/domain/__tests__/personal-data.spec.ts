import { findPersonalData, personalDataFingerprinter, unconfirmedFindings, type PublicTextField } from '../personal-data.js';

const fingerprint = personalDataFingerprinter('test-key');
const field = (text: string, name = 'summary'): PublicTextField => ({ itemId: 'item-1', itemNumber: 3, itemTitle: 'Orientering', field: name, text });
const found = (text: string) => findPersonalData([field(text)], fingerprint).map(({ kind, masked }) => ({ kind, masked }));
const kinds = (text: string) => findPersonalData([field(text)], fingerprint).map(({ kind }) => kind);

describe('finding personal data in public text', () => {
  describe('CPR numbers', () => {
    it('finds DDMMYY-XXXX and DDMMYYXXXX with a valid date, masked', () => {
      expect(found('Borgeren (cpr. 120385-4578) har klaget')).toEqual([{ kind: 'cpr', masked: '12****-**78' }]);
      expect(found('CPR 1203854578.')).toEqual([{ kind: 'cpr', masked: '12****-**78' }]);
      expect(found('CPR: 010101–0001')).toEqual([{ kind: 'cpr', masked: '01****-**01' }]);
    });

    it('does not require modulus 11, which CPR numbers have not kept since 2007', () => {
      // 010190-1235 fails the old modulus-11 check.
      expect(kinds('nr. 010190-1235')).toEqual(['cpr']);
    });

    it('needs a real day of a real month', () => {
      expect(kinds('320185-1234')).toEqual([]);
      expect(kinds('011385-1234')).toEqual([]);
      expect(kinds('300285-1234')).toEqual([]);
      expect(kinds('290284-1234')).toEqual(['cpr']);
      expect(kinds('290285-1234')).toEqual([]);
      expect(kinds('000185-1234')).toEqual([]);
    });

    it('leaves case numbers, amounts, dates and longer numbers alone', () => {
      expect(kinds('Sag 27.00.00-P20-1-24 og 00.01.00-A00-3-19')).toEqual([]);
      expect(kinds('Bevillingen er 1.203.854.578,00 kr.')).toEqual([]);
      expect(kinds('Beløbet udgør 1203854578 kr')).toEqual([]);
      expect(kinds('DKK 1203854578')).toEqual([]);
      expect(kinds('Mødet 12.03.85 kl. 10')).toEqual([]);
      expect(kinds('Konto 1234-1203854578')).toEqual([]);
      expect(kinds('Løbenr. 91203854578')).toEqual([]);
      expect(kinds('Journal 1203854578/2024')).toEqual([]);
      expect(kinds('Sagsid ABC1203854578')).toEqual([]);
    });
  });

  describe('e-mail addresses', () => {
    it('finds addresses, masking the local part and keeping the domain', () => {
      expect(found('Skriv til jens.hansen@aarhus.dk.')).toEqual([{ kind: 'email', masked: 'j***@aarhus.dk' }]);
      expect(found('<søren+udvalg@sub.kommune.dk>')).toEqual([{ kind: 'email', masked: 's***@sub.kommune.dk' }]);
    });

    it('does not take text without a dotted domain for an address', () => {
      expect(kinds('Mødet @ rådhuset, se @udvalg og a@b')).toEqual([]);
    });
  });

  describe('Danish phone numbers', () => {
    it('finds eight digits in the usual groupings, with or without +45 or 0045', () => {
      expect(found('Ring 23 45 67 89')).toEqual([{ kind: 'phone', masked: '******89' }]);
      expect(found('Ring 2345 6789')).toEqual([{ kind: 'phone', masked: '******89' }]);
      expect(found('Ring 23456789')).toEqual([{ kind: 'phone', masked: '******89' }]);
      expect(found('tlf. +45 23456789')).toEqual([{ kind: 'phone', masked: '+45 ******89' }]);
      expect(found('tlf. +4523456789')).toEqual([{ kind: 'phone', masked: '+45 ******89' }]);
      expect(found('tlf. 0045 23 45 67 89')).toEqual([{ kind: 'phone', masked: '+45 ******89' }]);
    });

    it('gives one number the same fingerprint however it is written', () => {
      const [a, b, c] = findPersonalData([field('23 45 67 89'), field('+45 23456789'), field('0045 2345 6789')], fingerprint);
      expect(new Set([a.fingerprint, b.fingerprint, c.fingerprint]).size).toBe(1);
    });

    it('leaves amounts, compact dates, CPR numbers, case numbers and other groupings alone', () => {
      expect(kinds('Budgettet er 23456789 kr.')).toEqual([]);
      expect(kinds('Budgettet er kr. 23456789')).toEqual([]);
      expect(kinds('Budgettet er 23.456.789 kr.')).toEqual([]);
      expect(kinds('23456789,-')).toEqual([]);
      expect(kinds('Dato 20240115')).toEqual([]);
      expect(kinds('12345678')).toEqual([]);
      expect(kinds('CPR 120385-4578')).toEqual(['cpr']);
      expect(kinds('Sag 27.00.00-P20-1-24')).toEqual([]);
      expect(kinds('Vej 234 567 89')).toEqual([]);
      expect(kinds('Nr. 234567890')).toEqual([]);
      expect(kinds('Løbenummer 2345-6789-0')).toEqual([]);
    });
  });

  it('reports where each finding is: the item, the field and the offset in its text', () => {
    const text = 'Kontakt a@b.dk eller 23 45 67 89';
    const findings = findPersonalData([{ itemId: null, itemNumber: null, itemTitle: null, field: 'location', text: 'Rådhuset' }, field(text, 'decision')], fingerprint);
    expect(findings.map(({ kind, where }) => ({ kind, where }))).toEqual([
      { kind: 'email', where: { itemId: 'item-1', itemNumber: 3, itemTitle: 'Orientering', field: 'decision', offset: text.indexOf('a@b.dk') } },
      { kind: 'phone', where: { itemId: 'item-1', itemNumber: 3, itemTitle: 'Orientering', field: 'decision', offset: text.indexOf('23 45') } },
    ]);
  });

  it('skips empty fields', () => {
    expect(findPersonalData([field(''), { ...field(''), text: null }, { ...field(''), text: undefined }], fingerprint)).toEqual([]);
  });

  describe('fingerprints', () => {
    it('are stable for a value, differ between values and kinds, and never contain the value', () => {
      const [one, again, other] = findPersonalData([field('120385-4578'), field('1203854578'), field('120385-4579')], fingerprint);
      expect(one.fingerprint).toBe(again.fingerprint);
      expect(one.fingerprint).not.toBe(other.fingerprint);
      expect(one.fingerprint).not.toContain('1203854578');
      expect(fingerprint('cpr', '23456789')).not.toBe(fingerprint('phone', '23456789'));
    });

    it('depend on the key, so they cannot be reproduced without it', () => {
      expect(personalDataFingerprinter('another key')('cpr', '1203854578')).not.toBe(fingerprint('cpr', '1203854578'));
    });

    it('are what a confirmation names: confirmed findings pass, the rest remain', () => {
      const findings = findPersonalData([field('a@b.dk og 120385-4578')], fingerprint);
      expect(unconfirmedFindings(findings, [findings[0].fingerprint])).toEqual([findings[1]]);
      expect(unconfirmedFindings(findings, findings.map((f) => f.fingerprint))).toEqual([]);
    });
  });
});
