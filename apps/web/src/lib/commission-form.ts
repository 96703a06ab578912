import type { components } from '../api/schema';

type Commission = components['schemas']['CommissionDto'];

/** The draft as the editor holds it: every part as the secretary types it, the themes one to a line. */
export interface CommissionForm {
  title: string;
  purpose: string;
  background: string;
  themes: string;
  composition: string;
  deliverables: string;
}

export const EMPTY_COMMISSION_FORM: CommissionForm = { title: '', purpose: '', background: '', themes: '', composition: '', deliverables: '' };

export function commissionForm(commission: Commission): CommissionForm {
  return {
    title: commission.title,
    purpose: commission.purpose,
    background: commission.background ?? '',
    themes: commission.themes.join('\n'),
    composition: commission.composition ?? '',
    deliverables: commission.deliverables ?? '',
  };
}

/** The body the API takes for the draft: text trimmed, one theme a line with empty lines left out. */
export function commissionBody(form: CommissionForm) {
  return {
    title: form.title.trim(),
    purpose: form.purpose.trim(),
    background: form.background.trim(),
    themes: form.themes
      .split('\n')
      .map((theme) => theme.trim())
      .filter(Boolean),
    composition: form.composition.trim(),
    deliverables: form.deliverables.trim(),
  };
}

/** Whether the editor holds changes the saved draft lacks (so submitting saves them first). */
export function commissionFormChanged(form: CommissionForm, saved: Commission): boolean {
  return JSON.stringify(commissionBody(form)) !== JSON.stringify(commissionBody(commissionForm(saved)));
}
