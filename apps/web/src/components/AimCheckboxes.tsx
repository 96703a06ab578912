import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCommittee } from '../api/committees';
import { type AimTarget, putAimsOf, useAimsOf, useBodyAims } from '../api/strategy';
import { answerOf } from '../api/requests';
import { CheckboxGroup } from './CheckboxGroup';
import { ErrorAlert, SuccessAlert } from './ErrorSummary';

const WHAT: Record<AimTarget, string> = { committees: 'udvalget', phases: 'fasen', items: 'punktet' };

/**
 * "Sigtepunkter": the body's strategic aims as checkboxes, those the committee, phase or item serves ticked, saved
 * on their own with "Gem sigtepunkter" so the form around them keeps its own save.
 */
export function AimCheckboxes({ bodyId, target, id }: { bodyId: string; target: AimTarget; id: string }) {
  const queryClient = useQueryClient();
  const aims = useBodyAims(bodyId);
  const current = useAimsOf(target, id);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setChosen(null), [id]);

  if (!aims.data || !current.data) return null;
  if (aims.data.length === 0) return <p>Myndigheden har ingen sigtepunkter endnu. De oprettes under Den røde tråd.</p>;
  const values = chosen ?? current.data;
  const fieldId = `sigtepunkter-${target}-${id}`;

  const save = async () => {
    setBusy(true);
    const { data, response } = await answerOf(putAimsOf(target, id, values));
    setBusy(false);
    if (!data) {
      setMessage({ ok: false, text: response.status === 403 ? `Du må ikke ændre sigtepunkterne for ${WHAT[target]}.` : 'Sigtepunkterne kunne ikke gemmes. Prøv igen om lidt.' });
      return;
    }
    setMessage({ ok: true, text: 'Sigtepunkterne er gemt.' });
    setChosen(null);
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['aims-of', target, id] }), queryClient.invalidateQueries({ queryKey: ['strategy', bodyId] })]);
  };

  return (
    <div>
      <CheckboxGroup
        id={fieldId}
        legend="Sigtepunkter"
        hint={`De strategiske sigtepunkter, ${WHAT[target]} tjener.`}
        options={aims.data.map((aim) => ({ value: aim.id, label: aim.title }))}
        values={values}
        onChange={(next) => {
          setChosen(next);
          setMessage(null);
        }}
      />
      <button type="button" className="button button-secondary" disabled={busy} aria-busy={busy} onClick={() => void save()}>
        Gem sigtepunkter
      </button>
      {message ? message.ok ? <SuccessAlert message={message.text} /> : <ErrorAlert message={message.text} /> : null}
    </div>
  );
}

/** The same, where the page knows the committee but not its body (an agenda item of one of its meetings). */
export function CommitteeAimCheckboxes({ committeeId, target, id }: { committeeId: string; target: AimTarget; id: string }) {
  const committee = useCommittee(committeeId);
  return committee.data ? <AimCheckboxes bodyId={committee.data.bodyId} target={target} id={id} /> : null;
}
