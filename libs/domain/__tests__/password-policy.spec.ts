import { DomainError } from '../errors.js';
import { assertStrongPassword, passwordWeakness } from '../password-policy.js';

describe('the password rule', () => {
  it('refuses fewer than 12 characters, saying so', () => {
    expect(passwordWeakness('Qz8!vT9#mLp')).toBe('Adgangskoden skal have mindst 12 tegn.');
  });

  it.each(['1234567890ab', 'password1234', 'Password1234', 'qwertyuiop12', 'adgangskode123', 'København2026', 'aaaaaaaaaaaaaaa'])(
    'refuses the guessable %s with Danish advice',
    (password) => {
      expect(passwordWeakness(password)).toMatch(/^Adgangskoden er for let at gætte\./);
    },
  );

  it("refuses the person's own e-mail and name, however spelt", () => {
    const personal = ['birgit.jakobsen@hedensted.dk', 'Birgit Jakobsen'];
    expect(passwordWeakness('birgit.jakobsen@hedensted.dk', personal)).toMatch(/navn, din e-mailadresse/);
    expect(passwordWeakness('BirgitJakobsen1', personal)).toMatch(/for let at gætte/);
    expect(passwordWeakness('BirgitJakobsen1')).toBeNull();
  });

  it('takes long passphrases and random passwords', () => {
    expect(passwordWeakness('korrekt hest batteri hæfteklamme')).toBeNull();
    expect(passwordWeakness('Xq7!vT9#mLp2')).toBeNull();
  });

  it('answers a refusal as 400 password_too_weak', () => {
    expect(() => assertStrongPassword('password123')).toThrow(DomainError);
    try {
      assertStrongPassword('password123');
    } catch (error) {
      expect(error).toMatchObject({ code: 'password_too_weak' });
    }
  });
});
