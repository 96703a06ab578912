import type { components } from '../api/schema';
import { runningDate } from '@app/domain/danish-dates';

export type NoticeWarning = components['schemas']['NoticeWarningDto'];


const TEXTS: Record<NoticeWarning['code'], (deadline: string) => string> = {
  agenda_notice_not_met: (deadline) => `Medlemmerne skulle have haft dagsordenen senest ${runningDate(deadline)}, jf. kommunestyrelseslovens § 8, stk. 4. Den når ud for sent.`,
  material_notice_not_met: (deadline) => `Medlemmerne skulle have haft materialet senest ${runningDate(deadline)}. Det eftersendes og står som "Eftersendt" på dagsordenen.`,
};

/** The notice deadlines an action missed (it was done all the same), as a warning after the action. */
export function NoticeWarnings({ warnings }: { warnings: readonly NoticeWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="alert alert-warning" role="region" aria-labelledby="varsling-overskredet">
      <div className="alert-body">
        <h2 className="alert-heading" id="varsling-overskredet">
          Fristen for varsling er overskredet
        </h2>
        {warnings.map((warning) => (
          <p className="alert-text" key={`${warning.code}-${warning.deadline}`}>
            {TEXTS[warning.code](warning.deadline)}
          </p>
        ))}
      </div>
    </div>
  );
}
