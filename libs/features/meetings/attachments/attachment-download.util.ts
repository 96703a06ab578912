import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { contentDisposition, type Disposition } from './attachment-file.util.js';
import type { AttachmentContent } from './attachment.service.js';

/**
 * A Bilag as a download, or shown inline when asked: its checked content type, never sniffed into something a
 * browser would run, under its Danish file name; shown inline, sandboxed, so no script in it runs as this site.
 * Members' copies stay out of shared caches; the public copy is revalidated, as an item can still become closed
 * while its agenda is published.
 */
export function attachmentDownload(reply: FastifyReply, content: AttachmentContent, audience: 'members' | 'public', disposition: Disposition = 'attachment'): StreamableFile {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', audience === 'members' ? 'private, no-store' : 'no-cache');
  if (disposition === 'inline') reply.header('content-security-policy', 'sandbox');
  return new StreamableFile(content.stream, { type: content.contentType, disposition: contentDisposition(content.name, disposition), length: content.size });
}
