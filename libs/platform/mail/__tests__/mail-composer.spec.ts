import { addressMail, composeMail, composeMailForMany, type MailBlock } from '../mail-composer.js';

const letter = (recipientName: string): MailBlock[] => [
  { text: `Kære ${recipientName}` },
  { lines: ['Dagsorden', '1. <Lukket punkt>'] },
  { text: `Venlig hilsen til ${recipientName}` },
];

describe('an e-mail rendered once for many recipients', () => {
  const many = composeMailForMany('Dagsorden: Udvalget', letter);

  it('addressed to one is the e-mail rendered for them alone, the name escaped in the HTML part', () => {
    for (const name of ['Birgit Jakobsen', 'Anders & <Co>', "O'Hara \"Jr\"", '']) {
      expect(addressMail(many, name)).toEqual(composeMail('Dagsorden: Udvalget', letter(name)));
    }
  });

  it('is cut at each place the name goes, and nowhere else', () => {
    expect(many.text).toHaveLength(3);
    expect(many.html).toHaveLength(3);
    expect(many.text.join('')).not.toMatch(/\uE000/);
  });
});
