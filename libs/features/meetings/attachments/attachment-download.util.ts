import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from './attachment-file.util.js';
import type { AttachmentContent } from './attachment.service.js';

/**
 * A Bilag as a download: its checked content type, never sniffed into something a browser would run, under its
 * Danish file name. Members' copies stay out of shared caches; the public copy is revalidated, as an item can
 * still become closed while its agenda is published.
 */
export function attachmentDownload(reply: FastifyReply, content: AttachmentContent, audience: 'members' | 'public'): StreamableFile {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', audience === 'members' ? 'private, no-store' : 'no-cache');
  return new StreamableFile(content.stream, { type: content.contentType, disposition: contentDisposition(content.name), length: content.size });
}
