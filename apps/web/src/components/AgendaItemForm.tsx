import { type FormEvent, useState } from 'react';
import type { components } from '../api/schema';
import type { FieldMessages } from '../lib/form-errors';
import { CLOSED_REASONS, type ClosedReasonCode, proposedPublicTitle } from '../lib/meeting-words';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

type Item = components['schemas']['AgendaItemDto'];

/** What the secretary types for an item, as the fields hold it. */
export interface ItemValues {
  titel: string;
  sagsnummer: string;
  resume: string;
  indstilling: string;
  sagsfremstilling: string;
  fra: string;
  til: string;
  lukket: boolean;
  /** The ground of § 10, as its code; empty until chosen. */
  begrundelse: ClosedReasonCode | '';
  offentligTitel: string;
  uddybning: string;
}

export const EMPTY_ITEM: ItemValues = {
  titel: '',
  sagsnummer: '',
  resume: '',
  indstilling: '',
  sagsfremstilling: '',
  fra: '',
  til: '',
  lukket: false,
  begrundelse: '',
  offentligTitel: '',
  uddybning: '',
};

export function itemValues(item: Item): ItemValues {
  return {
    titel: item.title,
    sagsnummer: item.caseNumber ?? '',
    resume: item.summary ?? '',
    indstilling: item.recommendation ?? '',
    sagsfremstilling: item.presentation ?? '',
    fra: item.startTime ?? '',
    til: item.endTime ?? '',
    lukket: item.closed,
    begrundelse: item.closedReason ?? '',
    offentligTitel: item.publicTitle ?? '',
    uddybning: item.closedReasonText ?? '',
  };
}

/** The values with another ground chosen: it proposes its public title, unless the secretary has written one of their own. */
export function withReason(values: ItemValues, begrundelse: ItemValues['begrundelse']): ItemValues {
  const untouched = !values.offentligTitel.trim() || values.offentligTitel === proposedPublicTitle(values.begrundelse);
  return { ...values, begrundelse, offentligTitel: untouched ? proposedPublicTitle(begrundelse) : values.offentligTitel };
}

/** The request body for the values: left-out text as absent on a new item, as null (cleared) on a change. */
export function itemBody(values: ItemValues, emptyAs: 'absent' | 'null') {
  const text = (value: string) => (value.trim() ? value.trim() : emptyAs === 'null' ? null : undefined);
  const body = {
    title: values.titel.trim(),
    caseNumber: text(values.sagsnummer),
    startTime: text(values.fra),
    endTime: text(values.til),
    closed: values.lukket,
    closedReason: values.lukket ? (values.begrundelse || (emptyAs === 'null' ? null : undefined)) : emptyAs === 'null' ? null : undefined,
    closedReasonText: values.lukket ? text(values.uddybning) : emptyAs === 'null' ? null : undefined,
    publicTitle: values.lukket ? text(values.offentligTitel) : emptyAs === 'null' ? null : undefined,
    summary: text(values.resume),
    recommendation: text(values.indstilling),
    presentation: text(values.sagsfremstilling),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as typeof body;
}

/** What the page checks before it asks the API: a title, and a time slot with both ends or none. */
export function itemProblems(values: ItemValues, prefix: string): FieldMessages {
  const problems: FieldMessages = {};
  if (!values.titel.trim()) problems[`${prefix}titel`] = 'Skriv en titel på punktet.';
  if (values.fra && !values.til) problems[`${prefix}til`] = 'Angiv, hvornår tidsrummet slutter, eller fjern starten.';
  if (values.til && !values.fra) problems[`${prefix}fra`] = 'Angiv, hvornår tidsrummet begynder, eller fjern slutningen.';
  if (values.lukket && !values.begrundelse) problems[`${prefix}begrundelse`] = 'Vælg begrundelsen for at lukke punktet.';
  if (values.lukket && values.begrundelse === 'other' && !values.uddybning.trim()) problems[`${prefix}uddybning`] = 'Skriv, hvorfor punktet lukkes.';
  if (values.lukket && values.begrundelse === 'other' && !values.offentligTitel.trim()) problems[`${prefix}offentlig-titel`] = 'Skriv den titel, offentligheden ser.';
  return problems;
}

/** Where the API's refusals of an item are shown, by the field ids of a form with `prefix`. */
export function itemRefusalPlaces(prefix: string) {
  const at = (field: string) => `${prefix}${field}`;
  return {
    byCode: {
      title_required: at('titel'),
      time_slot_reversed: at('til'),
      incomplete_time_slot: at('fra'),
      time_slot_outside_meeting: at('fra'),
      time_slot_overlaps: at('fra'),
      closed_reason_required: at('begrundelse'),
      closed_reason_text_required: at('uddybning'),
      public_title_required: at('offentlig-titel'),
    },
    byApiField: {
      title: at('titel'),
      caseNumber: at('sagsnummer'),
      startTime: at('fra'),
      endTime: at('til'),
      closedReason: at('begrundelse'),
      closedReasonText: at('uddybning'),
      publicTitle: at('offentlig-titel'),
      summary: at('resume'),
      recommendation: at('indstilling'),
      presentation: at('sagsfremstilling'),
    },
    fallback: at('titel'),
  };
}

/**
 * An agenda item's fields: Titel, Sagsnummer, the time slot, Resume, Indstilling, Sagsfremstilling and "Lukket
 * punkt" with its ground, its Uddybning for "andet" and its public title. What is typed stays while the API refuses; it is emptied only when `onSave` succeeds on a
 * new item.
 */
export function AgendaItemForm({
  prefix,
  initial,
  submitLabel,
  errors,
  notice,
  onSave,
  onCancel,
}: {
  prefix: string;
  initial: ItemValues;
  submitLabel: string;
  errors: FieldMessages;
  notice?: string;
  onSave: (values: ItemValues) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState(false);
  const id = (field: string) => `${prefix}${field}`;
  const set = (field: keyof ItemValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const chooseReason = (event: { target: { value: string } }) => setValues((current) => withReason(current, event.target.value as ItemValues['begrundelse']));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      if ((await onSave(values)) && initial === EMPTY_ITEM) setValues(EMPTY_ITEM);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField id={id('titel')} label="Titel" required value={values.titel} error={errors[id('titel')]} onChange={set('titel')} />
      <TextField id={id('sagsnummer')} label="Sagsnummer" hint="Fx 00.01.00-P22-1-19" value={values.sagsnummer} error={errors[id('sagsnummer')]} onChange={set('sagsnummer')} />
      <fieldset>
        <legend className="form-label">Tidsrum (kan udelades)</legend>
        <TextField id={id('fra')} label="Fra kl." type="time" value={values.fra} error={errors[id('fra')]} onChange={set('fra')} />
        <TextField id={id('til')} label="Til kl." type="time" value={values.til} error={errors[id('til')]} onChange={set('til')} />
      </fieldset>
      <TextField id={id('resume')} label="Resume" multiline value={values.resume} error={errors[id('resume')]} onChange={set('resume')} />
      <TextField id={id('indstilling')} label="Indstilling" multiline value={values.indstilling} error={errors[id('indstilling')]} onChange={set('indstilling')} />
      <TextField id={id('sagsfremstilling')} label="Sagsfremstilling" multiline value={values.sagsfremstilling} error={errors[id('sagsfremstilling')]} onChange={set('sagsfremstilling')} />
      <div className="form-group">
        <div className="form-group-checkbox">
          <input
            id={id('lukket')}
            type="checkbox"
            className="form-checkbox"
            checked={values.lukket}
            onChange={(event) => setValues((current) => ({ ...current, lukket: event.target.checked }))}
            aria-describedby={`${id('lukket')}-hint`}
          />
          <label htmlFor={id('lukket')}>Lukket punkt</label>
        </div>
        <span className="form-hint" id={`${id('lukket')}-hint`}>
          Et lukket punkt offentliggøres aldrig (kommunestyrelseslovens § 10).
        </span>
      </div>
      {values.lukket ? (
        <>
          <SelectField
            id={id('begrundelse')}
            label="Begrundelse"
            required
            placeholder="Vælg begrundelse"
            options={CLOSED_REASONS}
            value={values.begrundelse}
            error={errors[id('begrundelse')]}
            onChange={chooseReason}
          />
          {values.begrundelse === 'other' ? (
            <TextField id={id('uddybning')} label="Uddybning" hint="Hvorfor punktet lukkes. Kun medlemmer ser den." required value={values.uddybning} error={errors[id('uddybning')]} onChange={set('uddybning')} />
          ) : null}
          <TextField
            id={id('offentlig-titel')}
            label="Offentlig titel"
            hint='Vises for offentligheden og i e-mails som "Lukket punkt: ...". Fx Personalesag eller Køb af ejendom.'
            required
            value={values.offentligTitel}
            error={errors[id('offentlig-titel')]}
            onChange={set('offentligTitel')}
          />
        </>
      ) : null}
      {notice ? <p className="form-hint">{notice}</p> : null}
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Fortryd
          </button>
        ) : null}
      </div>
    </form>
  );
}
