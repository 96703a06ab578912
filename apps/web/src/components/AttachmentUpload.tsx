import { type DragEvent, useState } from 'react';
import { uploadAttachment } from '../api/uploads';
import type { NoticeWarning } from './NoticeWarnings';
import { danishMessage } from '../lib/errors';
import { NO_CONNECTION } from '../lib/form-errors';

/** Tells uploads apart, also two of one file. */
let uploadCount = 0;

interface Upload {
  key: string;
  name: string;
  share: number;
}

/**
 * Bilag for one item: dropped on the zone or chosen with the file field, each uploaded with its progress shown; a
 * refusal is shown at the file field, in Danish. `onUploaded` runs once each file is stored, with the notice
 * warnings of a Bilag sent late.
 */
export function AttachmentUpload({
  itemId,
  label,
  error,
  onError,
  onUploaded,
}: {
  itemId: string;
  label: string;
  error?: string;
  onError: (message: string | null) => void;
  onUploaded: (name: string, warnings: readonly NoticeWarning[]) => void;
}) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const inputId = `bilag-${itemId}`;

  const send = async (files: File[]) => {
    onError(null);
    for (const file of files) {
      uploadCount += 1;
      const key = `${itemId}-${uploadCount}`;
      setUploads((current) => [...current, { key, name: file.name, share: 0 }]);
      const result = await uploadAttachment(itemId, file, (share) => setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, share } : upload))));
      setUploads((current) => current.filter((upload) => upload.key !== key));
      if (result.ok) onUploaded(file.name, result.attachment.warnings ?? []);
      else onError(`${file.name}: ${result.status === 0 ? NO_CONNECTION : danishMessage(result.error as never, result.status)}`);
    }
  };
  const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

  return (
    <div
      className={`drop-zone${over ? ' active' : ''}`}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.stopPropagation();
        setOver(false);
        void send(Array.from(event.dataTransfer.files));
      }}
    >
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={inputId}>
          {label}
        </label>
        <span className="form-hint" id={`${inputId}-hint`}>
          Træk filer hertil, eller vælg dem. PDF, Office, ODF, billeder og tekst.
        </span>
        {error ? (
          <span className="form-error-message" id={`${inputId}-error`}>
            <span className="sr-only">Fejl: </span>
            {error}
          </span>
        ) : null}
        <input
          id={inputId}
          type="file"
          multiple
          className="form-input"
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            void send(files);
          }}
        />
      </div>
      {uploads.map((upload) => (
        <div key={upload.key}>
          <label htmlFor={`upload-${upload.key}`}>Overfører {upload.name}</label>{' '}
          <progress id={`upload-${upload.key}`} className="upload-progress" max={1} value={upload.share}>
            {Math.round(upload.share * 100)} %
          </progress>{' '}
          <span>{Math.round(upload.share * 100)} %</span>
        </div>
      ))}
    </div>
  );
}
