import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { runningDateTime, timeSlot } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { meetingName, useMeeting } from '../../api/meetings';
import type { components } from '../../api/schema';
import { CommitteeAimCheckboxes } from '../../components/AimCheckboxes';
import { AgendaItemForm, EMPTY_ITEM, itemBody, itemProblems, itemRefusalPlaces, itemValues, type ItemValues } from '../../components/AgendaItemForm';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { PersonalDataFindings, usePersonalDataConfirmations } from '../../components/PersonalDataFindings';
import { MeetingReferrals } from '../../components/MeetingReferrals';
import { MeetingStatus } from '../../components/MeetingStatus';
import { type NoticeWarning, NoticeWarnings } from '../../components/NoticeWarnings';
import { SecretaryMeetingHeader } from '../../components/SecretaryTabs';
import { dropPosition, keyboardTarget } from '../../lib/agenda-order';
import { asSummary } from '../../lib/form-errors';
import { closedReasonWords, ITEM_STATE_NAMES, MEETING_STATE_NAMES, roleNames } from '../../lib/meeting-words';
import { useAttempt } from '../../lib/use-attempt';
import { useTitle } from '../../lib/use-title';

type Item = components['schemas']['AgendaItemDto'];
type Meeting = components['schemas']['MeetingDto'];

const RECURRING = [
  ['agenda-approval', 'Godkendelse af dagsorden'],
  ['mutual-information', 'Gensidig orientering'],
  ['attendance', 'Mødedeltagelse'],
  ['any-other-business', 'Eventuelt'],
] as const;
type RecurringKind = (typeof RECURRING)[number][0];

const UPDATE_NOTICE = 'Dagsordenen er udsendt: medlemmerne får en opdatering af dagsordenen med ændringen.';

/**
 * "Forberedelse": the agenda builder. The items in order, moved by dragging or by keyboard (the handle's arrow keys,
 * or "Flyt op" / "Flyt ned"), each with its Bilag, "Klar til dagsorden" and changes; "Tilføj punkt", "Tilføj faste
 * punkter"; the cases other committees have referred to the meeting ("Oversendte sager"), to put on the agenda or
 * decline; and "Udsend dagsorden" with the list of who receives it. Once the agenda is sent, every change says the
 * members will get an update. "Slet punkt" (after a confirmation) deletes an item not yet on a published agenda;
 * "Lad punktet udgå" withdraws one from it. A notice deadline missed (the new meeting, the agenda sent, an item or a
 * Bilag added late) is a warning after the action.
 */
export function AgendaBuilderPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['meeting', meetingId] });
  const { errors, setErrors, done, attempt, succeed } = useAttempt(refresh);
  const privacy = usePersonalDataConfirmations();
  const [editing, setEditing] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  /** The item being dragged, read as the drag moves (state lags a render behind); files dragged in leave it empty. */
  const draggedRef = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [recurring, setRecurring] = useState<Record<RecurringKind, boolean>>({ 'agenda-approval': false, 'mutual-information': true, attendance: true, 'any-other-business': true });
  const location = useLocation();
  const [warnings, setWarnings] = useState<readonly NoticeWarning[]>((location.state as { warnings?: NoticeWarning[] } | null)?.warnings ?? []);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  /** Runs a request whose answer may carry notice warnings, and keeps them to show after it. */
  const warned = async <T extends { data?: { warnings?: NoticeWarning[] }; response: Response }>(request: Promise<T>): Promise<T> => {
    const answer = await request;
    setWarnings(answer.data?.warnings ?? []);
    return answer;
  };
  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(focusTarget);
    if (element) {
      element.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, meeting.data]);

  useTitle(meeting.data ? `Forberedelse: ${meetingName(meeting.data)}` : 'Forberedelse');
  if (!meeting.data) return <MeetingStatus meeting={meeting} />;
  const data: Meeting = meeting.data;
  const published = data.state === 'published';
  const editable = data.state === 'planned' || published;
  const order = data.items.map((item) => item.id);
  const drafts = data.items.filter((item) => item.state === 'draft');
  /** A change to the agenda succeeded; on a sent agenda the members get an update of it. */
  const changed = (message: string) => succeed(published ? `${message} ${UPDATE_NOTICE}` : message);

  const addItem = async (values: ItemValues) => {
    const problems = itemProblems(values, 'nyt-');
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return false;
    }
    const ok = await attempt(itemRefusalPlaces('nyt-'), () => warned(api.POST('/api/meetings/{meetingId}/items', { params: { path: { meetingId } }, body: itemBody(values, 'absent') as never })));
    if (ok) await changed(`Punktet "${values.titel.trim()}" er tilføjet.`);
    return ok;
  };
  const saveItem = (item: Item) => async (values: ItemValues) => {
    const prefix = `ret-${item.id}-`;
    const problems = itemProblems(values, prefix);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return false;
    }
    const ok = await attempt(itemRefusalPlaces(prefix), () => api.PATCH('/api/items/{id}', { params: { path: { id: item.id } }, body: { ...itemBody(values, 'null'), rowVersion: item.rowVersion } }));
    if (ok) {
      setEditing(null);
      setFocusTarget(`ret-knap-${item.id}`);
      await changed(`Punkt ${item.number} er gemt.`);
    }
    return ok;
  };
  const move = async (item: Item, toIndex: number, focus: string) => {
    const ok = await attempt(`flyt-${item.id}`, () => api.PATCH('/api/items/{id}', { params: { path: { id: item.id } }, body: { position: toIndex + 1 } }));
    if (ok) {
      setFocusTarget(focus);
      await changed(`"${item.title}" er flyttet til punkt ${toIndex + 1}.`);
    }
  };
  const moveBy = (item: Item, index: number, toIndex: number) => {
    const focus = toIndex === 0 ? `ned-${item.id}` : toIndex === order.length - 1 ? `op-${item.id}` : `${toIndex < index ? 'op' : 'ned'}-${item.id}`;
    return move(item, toIndex, focus);
  };
  const onHandleKey = (item: Item, index: number) => (event: KeyboardEvent) => {
    const target = keyboardTarget(event.key, index, order.length);
    if (target === null) return;
    event.preventDefault();
    void move(item, target, `handle-${item.id}`);
  };
  const onDrop = (onto: Item) => (event: DragEvent) => {
    const draggedId = draggedRef.current;
    if (!draggedId) return;
    event.preventDefault();
    draggedRef.current = null;
    setDropTarget(null);
    setDragged(null);
    const position = dropPosition(order, draggedId, onto.id);
    const item = data.items.find((candidate) => candidate.id === draggedId);
    if (position && item) void move(item, position - 1, `handle-${item.id}`);
  };
  const markReady = async (items: Item[], field: string, message: string) => {
    for (const item of items) {
      const ok = await attempt(field, () => api.POST('/api/items/{id}/transitions', { params: { path: { id: item.id } }, body: { event: 'mark-ready' } }));
      if (!ok) return refresh();
    }
    await changed(message);
  };
  const addRecurring = async () => {
    const kinds = RECURRING.map(([kind]) => kind).filter((kind) => recurring[kind]);
    if (kinds.length === 0) return setErrors({ 'fast-mutual-information': 'Vælg mindst ét fast punkt.' });
    const ok = await attempt('fast-mutual-information', () => api.POST('/api/meetings/{meetingId}/items/recurring', { params: { path: { meetingId } }, body: { kinds } }));
    if (ok) await changed('De faste punkter er tilføjet sidst på dagsordenen.');
  };
  const publish = async () => {
    if (data.items.length === 0) return setErrors({ udsend: 'Dagsordenen har ingen punkter endnu. Tilføj et punkt først.' });
    if (drafts.length > 0) return setErrors({ udsend: `Disse punkter er ikke klar til dagsorden endnu: ${drafts.map((item) => `${item.number}. ${item.title}`).join('; ')}.` });
    const ok = await attempt('udsend', async () =>
      privacy.read(await warned(api.POST('/api/meetings/{id}/transitions', { params: { path: { id: meetingId } }, body: { event: 'publish', confirmPublic: privacy.confirmPublic } }))),
    );
    if (ok) {
      await succeed(`Dagsordenen er udsendt til ${data.attendance.length} modtagere.`);
    }
  };

  const deleteItem = async (item: Item) => {
    const ok = await attempt(`slet-${item.id}`, () => api.DELETE('/api/meetings/{meetingId}/items/{id}', { params: { path: { meetingId, id: item.id } } }));
    setConfirmingDelete(null);
    if (ok) {
      setFocusTarget('punkter');
      await succeed(`Punkt ${item.number} "${item.title}" er slettet. De følgende punkter er rykket op.`);
    }
  };
  const withdrawItem = async (item: Item) => {
    const ok = await attempt(`udgaa-${item.id}`, () => api.POST('/api/items/{id}/transitions', { params: { path: { id: item.id } }, body: { event: 'withdraw' } }));
    if (ok) await changed(`Punkt ${item.number} "${item.title}" udgår af dagsordenen.`);
  };

  return (
    <>
      <SecretaryMeetingHeader section="Forberedelse" meeting={data} />
      <p>
        <span className="badge">{MEETING_STATE_NAMES[data.state] ?? data.state}</span>
        {published && data.publishedAt ? ` Udsendt ${runningDateTime(data.publishedAt)}. Ændringer sendes til medlemmerne som en opdatering af dagsordenen.` : null}
      </p>
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <NoticeWarnings warnings={warnings} />
      <ErrorSummary errors={asSummary(errors)} />

      <section aria-labelledby="punkter">
        <h2 id="punkter" tabIndex={-1}>
          Dagsordenens punkter
        </h2>
        {data.items.length === 0 ? <p>Dagsordenen har ingen punkter endnu.</p> : null}
        {data.items.length > 1 && editable ? (
          <p className="form-hint" id="flyt-hjaelp">
            Flyt et punkt ved at trække det i håndtaget "Flyt punkt", eller sæt fokus på håndtaget og brug pil op og pil ned (Home og End flytter først og sidst). Knapperne "Flyt op" og
            "Flyt ned" gør det samme.
          </p>
        ) : null}
        <ol className="unstyled-list" aria-label="Punkter i dagsordenens rækkefølge">
          {data.items.map((item, index) => {
            const slot = timeSlot(item.startTime, item.endTime);
            return (
              <li
                key={item.id}
                className={`builder-item${dragged === item.id ? ' dragging' : ''}${dropTarget === item.id && dragged !== item.id ? ' drop-target' : ''}`}
                aria-labelledby={`overskrift-${item.id}`}
                onDragOver={(event) => {
                  if (!draggedRef.current) return;
                  event.preventDefault();
                  setDropTarget(item.id);
                }}
                onDrop={onDrop(item)}
              >
                <h3 id={`overskrift-${item.id}`}>
                  Punkt {item.number}: {item.title}
                </h3>
                <p className="agenda-item-meta">
                  <span className="badge">{ITEM_STATE_NAMES[item.state] ?? item.state}</span>
                  {item.closed ? (
                    <>
                      {' '}
                      <span className="badge">Lukket punkt</span>
                      {closedReasonWords(item) ? ` (${closedReasonWords(item)})` : null}
                      {item.publicTitle ? ` · Offentlig titel: ${item.publicTitle}` : null}
                    </>
                  ) : null}
                  {slot ? ` · ${slot}` : null}
                  {item.caseNumber ? ` · Sagsnummer ${item.caseNumber}` : null}
                </p>
                {editable && data.items.length > 1 ? (
                  <div className="action-row">
                    {/* A span, not a button: Chromium starts no drag from a form control. Focusable, it takes the arrow keys. */}
                    <span
                      id={`handle-${item.id}`}
                      className="button button-tertiary drag-handle"
                      tabIndex={0}
                      draggable
                      aria-describedby="flyt-hjaelp"
                      onKeyDown={onHandleKey(item, index)}
                      onDragStart={(event) => {
                        event.dataTransfer.effectAllowed = 'move';
                        event.dataTransfer.setData('text/plain', item.title);
                        draggedRef.current = item.id;
                        setDragged(item.id);
                      }}
                      onDragEnd={() => {
                        draggedRef.current = null;
                        setDragged(null);
                        setDropTarget(null);
                      }}
                    >
                      <span aria-hidden="true">⠿ </span>Flyt punkt<span className="sr-only"> {item.number}: {item.title}</span>
                    </span>
                    <button type="button" id={`op-${item.id}`} className="button button-secondary" disabled={index === 0} onClick={() => void moveBy(item, index, index - 1)}>
                      Flyt op<span className="sr-only">: {item.title}</span>
                    </button>
                    <button type="button" id={`ned-${item.id}`} className="button button-secondary" disabled={index === order.length - 1} onClick={() => void moveBy(item, index, index + 1)}>
                      Flyt ned<span className="sr-only">: {item.title}</span>
                    </button>
                  </div>
                ) : null}
                {errors[`flyt-${item.id}`] ? (
                  <p className="form-error-message" id={`flyt-${item.id}`} tabIndex={-1}>
                    {errors[`flyt-${item.id}`]}
                  </p>
                ) : null}

                <ItemAttachments item={item} />
                {MEETING_ATTACHABLE_STATES.has(data.state) && item.state !== 'withdrawn' ? (
                  <AttachmentUpload
                    itemId={item.id}
                    label={`Tilføj bilag til punkt ${item.number}`}
                    error={errors[`bilag-${item.id}`]}
                    onError={(message) => setErrors(message ? { [`bilag-${item.id}`]: message } : {})}
                    onUploaded={(name, uploadWarnings) => {
                      setWarnings(uploadWarnings);
                      void changed(`Bilaget "${name}" er tilføjet punkt ${item.number}.`);
                    }}
                  />
                ) : null}

                {editable ? (
                  <div className="action-row">
                    {item.state === 'draft' ? (
                      <button type="button" id={`klar-${item.id}`} className="button button-primary" onClick={() => void markReady([item], `klar-${item.id}`, `Punkt ${item.number} er klar til dagsorden.`)}>
                        Klar til dagsorden<span className="sr-only">: {item.title}</span>
                      </button>
                    ) : null}
                    {editing !== item.id && item.state !== 'withdrawn' ? (
                      <button type="button" id={`ret-knap-${item.id}`} className="button button-secondary" onClick={() => setEditing(item.id)}>
                        Ret punktet<span className="sr-only">: {item.title}</span>
                      </button>
                    ) : null}
                    {DELETABLE_STATES.has(item.state) && confirmingDelete !== item.id ? (
                      <button type="button" id={`slet-${item.id}`} className="button button-tertiary" onClick={() => setConfirmingDelete(item.id)}>
                        Slet punkt<span className="sr-only">: {item.title}</span>
                      </button>
                    ) : null}
                    {published && item.state === 'on-agenda' ? (
                      <button type="button" id={`udgaa-${item.id}`} className="button button-tertiary" onClick={() => void withdrawItem(item)}>
                        Lad punktet udgå<span className="sr-only">: {item.title}</span>
                      </button>
                    ) : null}
                  </div>
                ) : null}
                {confirmingDelete === item.id ? (
                  <div className="alert alert-warning" role="alertdialog" aria-labelledby={`slet-spoergsmaal-${item.id}`}>
                    <div className="alert-body">
                      <p className="alert-text" id={`slet-spoergsmaal-${item.id}`}>
                        Vil du slette punkt {item.number} "{item.title}"? Punktet og dets bilag slettes, og de følgende punkter rykker op.
                      </p>
                      <div className="action-row">
                        <button type="button" id={`slet-bekraeft-${item.id}`} className="button button-primary" onClick={() => void deleteItem(item)}>
                          Ja, slet punktet
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => setConfirmingDelete(null)}>
                          Fortryd
                        </button>
                      </div>
                    </div>
                  </div>
                ) : null}
                {errors[`klar-${item.id}`] ? <p className="form-error-message">{errors[`klar-${item.id}`]}</p> : null}
                {errors[`slet-${item.id}`] ? <p className="form-error-message">{errors[`slet-${item.id}`]}</p> : null}
                {errors[`udgaa-${item.id}`] ? <p className="form-error-message">{errors[`udgaa-${item.id}`]}</p> : null}
                {editing === item.id ? (
                  <section aria-label={`Ret punkt ${item.number}`}>
                    <AgendaItemForm
                      prefix={`ret-${item.id}-`}
                      initial={itemValues(item)}
                      submitLabel="Gem punktet"
                      errors={errors}
                      notice={published ? UPDATE_NOTICE : undefined}
                      onSave={saveItem(item)}
                      onCancel={() => {
                        setEditing(null);
                        setFocusTarget(`ret-knap-${item.id}`);
                      }}
                    />
                    <CommitteeAimCheckboxes committeeId={data.committeeId} target="items" id={item.id} />
                  </section>
                ) : null}
              </li>
            );
          })}
        </ol>
        {drafts.length > 0 && editable ? (
          <p>
            <button type="button" id="alle-klar" className="button button-primary" onClick={() => void markReady(drafts, 'alle-klar', 'Alle punkter er klar til dagsorden.')}>
              Alle punkter klar til dagsorden
            </button>
          </p>
        ) : null}
        {errors['alle-klar'] ? <p className="form-error-message">{errors['alle-klar']}</p> : null}
      </section>

      <MeetingReferrals
        meetingId={meetingId}
        items={data.items}
        agendaOpen={editable}
        errors={errors}
        setErrors={setErrors}
        attempt={attempt}
        onAccepted={changed}
        onDeclined={succeed}
      />

      {editable ? (
        <>
          <section aria-labelledby="tilfoej-punkt">
            <h2 id="tilfoej-punkt">Tilføj punkt</h2>
            <AgendaItemForm prefix="nyt-" initial={EMPTY_ITEM} submitLabel="Tilføj punkt" errors={errors} notice={published ? UPDATE_NOTICE : undefined} onSave={addItem} />
          </section>

          <section aria-labelledby="faste-punkter">
            <h2 id="faste-punkter">Faste punkter</h2>
            <fieldset aria-describedby="faste-hint">
              <legend className="form-label">Faste punkter sidst på dagsordenen</legend>
              <span className="form-hint" id="faste-hint">
                Vælg de faste punkter, der skal tilføjes.
              </span>
              {errors['fast-mutual-information'] ? <span className="form-error-message">{errors['fast-mutual-information']}</span> : null}
              {RECURRING.map(([kind, label]) => (
                <div className="form-group-checkbox" key={kind}>
                  <input id={`fast-${kind}`} type="checkbox" className="form-checkbox" checked={recurring[kind]} onChange={(event) => setRecurring((current) => ({ ...current, [kind]: event.target.checked }))} />
                  <label htmlFor={`fast-${kind}`}>{label}</label>
                </div>
              ))}
            </fieldset>
            <p>
              <button type="button" className="button button-secondary" onClick={() => void addRecurring()}>
                Tilføj faste punkter
              </button>
            </p>
          </section>
        </>
      ) : null}

      <section aria-labelledby="udsend-overskrift">
        <h2 id="udsend-overskrift">Udsend dagsorden</h2>
        <p>{data.state === 'planned' ? 'Dagsordenen sendes med kalenderinvitation til:' : 'Dagsordenen og dens opdateringer sendes til:'}</p>
        {data.attendance.length > 0 ? (
          <ul aria-label="Modtagere af dagsordenen">
            {data.attendance.map((person) => (
              <li key={person.personId}>
                {person.name}
                {person.party ? ` (${person.party})` : ''} – {roleNames(person.roles)}
              </li>
            ))}
          </ul>
        ) : (
          <p>Udvalget har ingen medlemmer på mødedagen.</p>
        )}
        {data.state === 'planned' ? (
          <>
            {errors.udsend ? (
              <p className="form-error-message" id="udsend-fejl">
                {errors.udsend}
              </p>
            ) : null}
            <PersonalDataFindings
              id="udsend-personoplysninger"
              findings={privacy.findings}
              confirmed={privacy.confirmed}
              onToggle={privacy.toggle}
              onRetry={() => void publish()}
              retryLabel="Udsend dagsorden med de bekræftede oplysninger"
            />
            <button type="button" id="udsend" className="button button-primary" aria-describedby={errors.udsend ? 'udsend-fejl' : undefined} onClick={() => void publish()}>
              Udsend dagsorden
            </button>
          </>
        ) : null}
      </section>
    </>
  );
}

const MEETING_ATTACHABLE_STATES = new Set(['planned', 'published', 'held']);
/** Items not yet on a published agenda, which may still be deleted. */
const DELETABLE_STATES = new Set(['draft', 'ready']);

function ItemAttachments({ item }: { item: Item }) {
  if (item.attachments.length === 0 && item.attachmentNames.length === 0) return null;
  const uploaded = new Set(item.attachments.map((attachment) => attachment.name));
  const awaited = item.attachmentNames.filter((name) => !uploaded.has(name));
  return (
    <div>
      <h4>Bilag</h4>
      <ul>
        {item.attachments.map((attachment) => (
          <li key={attachment.id}>
            <a href={`/api/attachments/${attachment.id}/content`} download={attachment.name}>
              {attachment.name}
            </a>
            {attachment.sentLateAt ? ' – Eftersendt' : null}
          </li>
        ))}
        {awaited.map((name) => (
          <li key={name}>{name} (ikke overført endnu)</li>
        ))}
      </ul>
    </div>
  );
}
