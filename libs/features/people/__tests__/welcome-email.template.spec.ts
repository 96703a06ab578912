import { renderWelcomeEmail } from '../welcome-email.template.js';

describe('the welcome e-mail', () => {
  const mail = renderWelcomeEmail({ name: 'Ida <Auken>', email: 'ida@kommune.dk', publicBaseUrl: 'https://udvalg.kommune.dk/', passwordToken: 'tok_en-1', validHours: 168 });

  it('is Danish and addresses the person by name', () => {
    expect(mail.subject).toBe('Velkommen til udvalgsarbejdet');
    expect(mail.text).toMatch(/^Kære Ida <Auken>\n/);
  });

  it('links to the page to choose a password, with the token, and to the API documentation under the public address', () => {
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('https://udvalg.kommune.dk/ny-adgangskode?token=tok_en-1');
      expect(body).toContain('https://udvalg.kommune.dk/ny-adgangskode?token=');
      expect(body).not.toContain('/api/');
    }
    expect(mail.text).toContain('virker i 7 dage og kun én gang');
  });

  it('names the login e-mail but never a password', () => {
    expect(mail.text).toContain('ida@kommune.dk');
    // "adgangskode:" only ever introduces the link to choose one.
    for (const [, after] of mail.text.matchAll(/adgangskode(?:n)?\s*:\s*(\S+)/gi)) expect(after).toMatch(/^https:\/\/udvalg\.kommune\.dk\/ny-adgangskode\?token=/);
    expect(mail.text).not.toMatch(/adgangskoden er/i);
  });

  it('escapes what it puts into the HTML part', () => {
    expect(mail.html).toContain('Kære Ida &lt;Auken&gt;');
    expect(mail.html).not.toContain('<Auken>');
  });
});
