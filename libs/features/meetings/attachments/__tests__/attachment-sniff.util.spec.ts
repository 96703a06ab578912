import { conflictingExtension, contentMatchesType } from '../attachment-sniff.util.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ODT = 'application/vnd.oasis.opendocument.text';

/** A zip local file header for one stored entry, followed by its content. */
function zipEntry(name: string, content = ''): Buffer {
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

describe('what a Bilag’s first bytes must be', () => {
  it.each<[string, Buffer, string]>([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'image/jpeg'],
    ['a .docx', zipEntry('[Content_Types].xml', '<?xml version="1.0"?>'), DOCX],
    ['a .xlsx', zipEntry('[Content_Types].xml'), XLSX],
    ['a .pptx', zipEntry('_rels/.rels'), PPTX],
    ['an .odt', zipEntry('mimetype', ODT), ODT],
    ['Danish text', Buffer.from('\uFEFFNotat om Ærø\r\nLinje 2\twith a tab'), 'text/plain'],
    ['text that mentions a tag further in', Buffer.from('Se <html> i bilaget'), 'text/plain'],
    ['a CSV', Buffer.from('a;b\n1;2\n'), 'text/csv'],
    ['an empty text file', Buffer.alloc(0), 'text/plain'],
  ])('accepts %s', (_case, head, type) => {
    expect(contentMatchesType(head, type)).toBe(true);
  });

  it.each<[string, Buffer, string]>([
    ['HTML as a PDF', HTML, 'application/pdf'],
    ['HTML as a PNG', HTML, 'image/png'],
    ['HTML as a JPEG', HTML, 'image/jpeg'],
    ['HTML as a .docx', HTML, DOCX],
    ['HTML as text', HTML, 'text/plain'],
    ['HTML after whitespace and a BOM as CSV', Buffer.from('\uFEFF \n<script>alert(1)</script>'), 'text/csv'],
    ['SVG as text', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'text/plain'],
    ['XML as text', Buffer.from('<?xml version="1.0"?><x/>'), 'text/plain'],
    ['a PNG as a PDF', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'application/pdf'],
    ['a PDF as a PNG', Buffer.from('%PDF-1.7'), 'image/png'],
    ['binary bytes as text', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'text/plain'],
    ['a spreadsheet as an .odt', zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), ODT],
    ['an empty PDF', Buffer.alloc(0), 'application/pdf'],
    ['a type off the allow-list', zipEntry('x'), 'application/zip'],
  ])('refuses %s', (_case, head, type) => {
    expect(contentMatchesType(head, type)).toBe(false);
  });
});

describe('a Bilag’s name against its type', () => {
  it.each([
    ['Notat.pdf', 'application/pdf'],
    ['Notat.PDF', 'application/pdf'],
    ['Notat', 'application/pdf'],
    ['Referat 02.02', 'application/pdf'],
    ['Foto.jpeg', 'image/jpeg'],
    ['Tal.csv', 'text/plain'],
    ['Notat.txt', 'text/csv'],
  ])('lets %s be %s', (name, type) => {
    expect(conflictingExtension(name, type)).toBeNull();
  });

  it.each([
    ['side.html', 'application/pdf', '.html'],
    ['side.htm', 'image/png', '.htm'],
    ['billede.png', 'application/pdf', '.png'],
    ['rapport.pdf', 'text/plain', '.pdf'],
    ['rapport.pdf', 'image/png', '.pdf'],
    ['Budget.xlsx', DOCX, '.xlsx'],
    ['logo.svg', 'text/plain', '.svg'],
    ['program.exe', 'application/pdf', '.exe'],
  ])('refuses %s as %s, naming %s', (name, type, extension) => {
    expect(conflictingExtension(name, type)).toBe(extension);
  });
});
