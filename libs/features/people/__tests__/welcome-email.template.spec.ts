import { renderWelcomeEmail } from '../welcome-email.template.js';

describe('the welcome e-mail', () => {
  const mail = renderWelcomeEmail({ name: 'Ida <Auken>', email: 'ida@kommune.dk', publicBaseUrl: 'https://udvalg.kommune.dk/' });

  it('is Danish and addresses the person by name', () => {
    expect(mail.subject).toBe('Velkommen til udvalgsarbejdet');
    expect(mail.text).toMatch(/^Kære Ida <Auken>\n/);
  });

  it('links to the login and the API documentation under the public address', () => {
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('https://udvalg.kommune.dk/api/auth/login');
      expect(body).toContain('https://udvalg.kommune.dk/api/docs');
    }
  });

  it('names the login e-mail but never a password', () => {
    expect(mail.text).toContain('ida@kommune.dk');
    expect(mail.text).not.toMatch(/adgangskode(n)?\s*:/i);
  });

  it('escapes what it puts into the HTML part', () => {
    expect(mail.html).toContain('Kære Ida &lt;Auken&gt;');
    expect(mail.html).not.toContain('<Auken>');
  });
});
