import { deliveryMessageId, messageIdDomain } from '../delivery-message-id.js';

describe('the Message-ID of a delivery', () => {
  it('is the same for every attempt of one delivery and different for another', () => {
    const first = deliveryMessageId('welcome:5b0c3a9e-8f7e-4a53-9d43-1f1d7d0c2b11', 'kommune.dk');
    expect(deliveryMessageId('welcome:5b0c3a9e-8f7e-4a53-9d43-1f1d7d0c2b11', 'kommune.dk')).toBe(first);
    expect(deliveryMessageId('welcome:0e6f7a43-1d2c-4b5a-8e9f-123456789abc', 'kommune.dk')).not.toBe(first);
    expect(first).toMatch(/^<[0-9a-f]{40}@kommune\.dk>$/);
  });

  it('does not reveal the key', () => {
    expect(deliveryMessageId('agenda:meeting-1:ida@kommune.dk:2', 'kommune.dk')).not.toContain('ida');
  });

  it.each([
    ['Udvalgssekretariatet <udvalg@kommune.dk>', 'https://udvalg.example.dk', 'kommune.dk'],
    ['udvalg@region.dk', 'https://udvalg.example.dk', 'region.dk'],
    ['Udvalgssekretariatet', 'https://udvalg.example.dk:8443/base', 'udvalg.example.dk'],
  ])('takes its domain from MAIL_FROM %s, else from PUBLIC_BASE_URL', (mailFrom, publicBaseUrl, domain) => {
    expect(messageIdDomain(mailFrom, publicBaseUrl)).toBe(domain);
  });
});
