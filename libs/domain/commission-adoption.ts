import type { CommitteeKind } from './committee-rules.js';

/**
 * A § 17, stk. 4 committee is set up by the council, which also decides its kommissorium (Kommunestyrelsesloven
 * § 17, stk. 4); other committees' kommissorier take effect on a director's approval unless set otherwise.
 */
export function commissionNeedsCouncilByDefault(kind: CommitteeKind): boolean {
  return kind === 'section-17-4';
}

/** The committees on which a council-adopted kommissorium may be decided: the council itself, or the finance committee. */
const DECIDING_KINDS: ReadonlySet<CommitteeKind> = new Set(['council', 'finance']);

/**
 * Where the council's decision on a committee's kommissorium is proposed: to the committee its reporting line names
 * when that is the council or the finance committee (Hedensted's § 17.4 committee "rapporterer til Byrådet via
 * PKØ-udvalget"), otherwise to the body's council. Null when the body has no council committee to decide it.
 */
export function committeeDecidingCommission<C extends { id: string; kind: CommitteeKind }>(reportsTo: C | null, bodyCouncil: C | null): C | null {
  if (reportsTo && DECIDING_KINDS.has(reportsTo.kind)) return reportsTo;
  return bodyCouncil;
}

export interface CommissionText {
  title: string;
  version: number;
  purpose: string;
  background: string | null;
  themes: readonly string[];
  composition: string | null;
  deliverables: string | null;
}

/** The title of the council's item on a committee's kommissorium. */
export function commissionItemTitle(committeeName: string): string {
  return `Godkendelse af kommissorium for ${committeeName}`;
}

/**
 * The kommissorium as a Markdown document, in the order of its form (Formål, Baggrund, Temaer, Sammensætning,
 * Leverancer): the council item's Sagsfremstilling and, as a file, its Bilag.
 */
export function commissionMarkdown(commission: CommissionText, committeeName: string): string {
  const section = (heading: string, text: string | null) => (text?.trim() ? [`## ${heading}`, '', text.trim(), ''] : []);
  return [
    `# ${commission.title}`,
    '',
    `Kommissorium for ${committeeName}, version ${commission.version}.`,
    '',
    ...section('Formål', commission.purpose),
    ...section('Baggrund', commission.background),
    ...(commission.themes.length ? ['## Temaer', '', ...commission.themes.map((theme) => `- ${theme}`), ''] : []),
    ...section('Sammensætning', commission.composition),
    ...section('Leverancer', commission.deliverables),
  ].join('\n');
}
