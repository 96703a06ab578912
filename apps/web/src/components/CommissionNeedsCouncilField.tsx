import { describedBy, FieldMessages } from './FieldMessages';

const ID = 'vedtages-af-raadet';
const HINT =
  'Efter direktionens godkendelse sendes kommissoriet som punkt til næste møde i byrådet eller regionsrådet, eller i økonomiudvalget, hvis udvalget rapporterer dertil. Gælder som standard for § 17, stk. 4-udvalg.';

/** "Kommissoriet vedtages af byrådet/regionsrådet": whether a committee's kommissorium needs the council's adoption. */
export function CommissionNeedsCouncilField({ checked, error, onChange }: { checked: boolean; error?: string; onChange: (checked: boolean) => void }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <FieldMessages id={ID} hint={HINT} error={error} />
      <div className="form-group-checkbox">
        <input id={ID} type="checkbox" className="form-checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={describedBy(ID, HINT, error)} />
        <label htmlFor={ID}>Kommissoriet vedtages af byrådet/regionsrådet</label>
      </div>
    </div>
  );
}
