import type { components } from './schema';
import { writeHeaders } from './client';

export type Attachment = components['schemas']['AttachmentChangeDto'];

/** How an upload ended: the stored Bilag, the API's refusal, or no answer at all (status 0). */
export type UploadResult = { ok: true; attachment: Attachment } | { ok: false; status: number; error: unknown };

/**
 * Uploads a Bilag to an item as multipart `file`, reporting the share sent (0 to 1) as it goes: fetch tells nothing
 * of an upload's progress, XMLHttpRequest does. The session cookie and the CSRF token go with it, as with every write.
 */
export function uploadAttachment(itemId: string, file: File, onProgress: (share: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/items/${encodeURIComponent(itemId)}/attachments`);
    request.withCredentials = true;
    for (const [name, value] of Object.entries(writeHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve({ ok: true, attachment: body as Attachment });
      else resolve({ ok: false, status: request.status, error: body });
    };
    request.onerror = () => resolve({ ok: false, status: 0, error: null });
    request.onabort = () => resolve({ ok: false, status: 0, error: null });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
