import { acceptedAttachmentType, attachmentFileName, contentDisposition, formatByteSize } from '../attachment-file.util.js';

describe('which files are accepted as Bilag', () => {
  it.each([
    ['application/pdf', 'Notat.pdf', 'application/pdf'],
    ['Application/PDF; name="x"', 'Notat.pdf', 'application/pdf'],
    ['image/jpg', 'Foto.jpg', 'image/jpeg'],
    ['application/octet-stream', 'Budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['', 'Referat.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['text/csv', 'Tal.csv', 'text/csv'],
  ])('%s named %s is %s', (declared, name, expected) => {
    expect(acceptedAttachmentType(declared, name)).toBe(expected);
  });

  it.each([
    ['text/html', 'side.html'],
    ['application/zip', 'Bilag.zip'],
    ['image/svg+xml', 'logo.svg'],
    // A declared type is believed over the name: a zip called .pdf is still a zip.
    ['application/zip', 'Bilag.pdf'],
    ['application/octet-stream', 'program.exe'],
    ['', 'uden-endelse'],
  ])('refuses %s named %s', (declared, name) => {
    expect(acceptedAttachmentType(declared, name)).toBeNull();
  });
});

describe('the stored file name', () => {
  it('keeps a Danish name as it was written, in NFC', () => {
    expect(attachmentFileName('Præsentation af økonomi – år 2024.pdf', 'application/pdf')).toBe('Præsentation af økonomi – år 2024.pdf');
    expect(attachmentFileName('Referat fra a\u030Arsmøde.pdf', 'application/pdf')).toBe('Referat fra årsmøde.pdf');
  });

  it('drops any path, control characters, bidi overrides and leading dots', () => {
    expect(attachmentFileName('../../etc/passwd.txt', 'text/plain')).toBe('passwd.txt');
    expect(attachmentFileName('C:\\Users\\sara\\Bilag 1.pdf', 'application/pdf')).toBe('Bilag 1.pdf');
    expect(attachmentFileName('..hidden.txt', 'text/plain')).toBe('hidden.txt');
    expect(attachmentFileName('rapport\u202Efdp.exe', 'application/pdf')).toBe('rapportfdp.exe.pdf');
    expect(attachmentFileName('linje\r\nskift.txt', 'text/plain')).toBe('linjeskift.txt');
  });

  it('ends in an extension of the accepted type, adding one when the name has another or none', () => {
    expect(attachmentFileName('Referat.PDF', 'application/pdf')).toBe('Referat.PDF');
    expect(attachmentFileName('Notat', 'application/pdf')).toBe('Notat.pdf');
    expect(attachmentFileName('side.html', 'text/plain')).toBe('side.html.txt');
    expect(attachmentFileName('', 'image/png')).toBe('Bilag.png');
    expect(attachmentFileName('/', 'image/jpeg')).toBe('Bilag.jpg');
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const name = attachmentFileName(`${'æ'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('æ.pdf')).toBe(true);
  });
});

describe('Content-Disposition (RFC 6266 with RFC 5987)', () => {
  it('sends the exact name as UTF-8 and a readable ASCII spelling', () => {
    expect(contentDisposition('Præsentation fra mødet på Ærø.pdf')).toBe(
      `attachment; filename="Praesentation fra moedet paa Aeroe.pdf"; filename*=UTF-8''Pr%C3%A6sentation%20fra%20m%C3%B8det%20p%C3%A5%20%C3%86r%C3%B8.pdf`,
    );
  });

  it('encodes what RFC 5987 does not allow and keeps quotes out of the quoted name', () => {
    expect(contentDisposition(`Bilag (1) "ny" 50%'s café.txt`)).toBe(
      `attachment; filename="Bilag (1) _ny_ 50_'s cafe.txt"; filename*=UTF-8''Bilag%20%281%29%20%22ny%22%2050%25%27s%20caf%C3%A9.txt`,
    );
  });
});

it('states sizes in the unit they were configured in', () => {
  expect(formatByteSize(25 * 1024 * 1024)).toBe('25 MiB');
  expect(formatByteSize(64 * 1024)).toBe('64 KiB');
  expect(formatByteSize(1000)).toBe('1000 bytes');
});
