import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, type ProcessPlanPhase, renderProcessPlanSvg } from '../process-plan-svg.js';

const SEED_PHASES: ProcessPlanPhase[] = [
  { title: 'Konstituering og kommissorium', fromQuarter: '2024-Q1', toQuarter: '2024-Q1', state: 'completed' },
  { title: 'Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet', fromQuarter: '2024-Q2', toQuarter: '2024-Q4', state: 'completed' },
  { title: 'Et sammenhængende socialområde', fromQuarter: '2025-Q1', toQuarter: '2025-Q2', state: 'active' },
  { title: 'Implementering af lovgivning og reformer i en Hedensted-kontekst', fromQuarter: '2025-Q3', toQuarter: '2025-Q3', state: 'planned' },
  { title: 'Afrapportering, konsolidering og forankring', fromQuarter: '2025-Q4', toQuarter: '2025-Q4', state: 'cancelled' },
];
const COMMITTEE = '§ 17, stk. 4-udvalget for nytænkning af socialområdet';

interface Node {
  [key: string]: any;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  isArray: (name) => ['g', 'text', 'tspan', 'rect', 'line'].includes(name),
});

function parse(svg: string): Node {
  expect(XMLValidator.validate(svg)).toBe(true);
  return parser.parse(svg).svg;
}

// The parser gives an element without attributes as its bare text.
const contentOf = (node: Node | string) => (typeof node === 'string' ? node : String(node['#text']));
const textOf = (text: Node) => (text.tspan ?? []).map((t: Node) => String(t['#text'])).join(' ');
const phaseGroups = (svg: Node): Node[] => (svg.g ?? []).filter((g: Node) => String(g['@_class']).startsWith('phase '));
const allText = (svg: Node): string[] => [...(svg.text ?? []), ...(svg.g ?? []).flatMap((g: Node) => g.text ?? [])].map((t: Node) => (t.tspan ? textOf(t) : String(t['#text'])));

describe('renderProcessPlanSvg', () => {
  const seedPlan = () => renderProcessPlanSvg({ committeeName: COMMITTEE, phases: SEED_PHASES, today: '2025-05-15', span: { fromQuarter: '2024-Q1', toQuarter: '2025-Q4' } });

  it('draws the seeds’ plan as valid XML titled with the committee, a bar per phase and Danish labels', () => {
    const svg = parse(seedPlan());
    expect(svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(contentOf(svg.title)).toBe(`Procesplan – ${COMMITTEE}`);
    const texts = allText(svg);
    expect(texts).toEqual(expect.arrayContaining(['Procesplan', COMMITTEE, 'planlagt', 'aktiv', 'afsluttet', 'aflyst', 'i dag']));
    expect(texts).toEqual(expect.arrayContaining(['1. kvt. 2024', '2. kvt. 2024', '3. kvt. 2024', '4. kvt. 2024', '1. kvt. 2025', '2. kvt. 2025', '3. kvt. 2025', '4. kvt. 2025']));
    const groups = phaseGroups(svg);
    expect(groups.map((g) => textOf(g.text[0]))).toEqual(SEED_PHASES.map((p) => p.title));
    expect(groups.map((g) => g['@_class'])).toEqual(SEED_PHASES.map((p) => `phase phase-${p.state}`));
    expect(groups.map((g) => g.rect.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('colours the bars by state', () => {
    const groups = phaseGroups(parse(seedPlan()));
    const fillOf = (state: string) => groups.find((g) => g['@_class'] === `phase phase-${state}`)!.rect[0]['@_fill'];
    const fills = ['planned', 'active', 'completed', 'cancelled'].map(fillOf);
    expect(new Set(fills).size).toBe(4);
    expect(groups.find((g) => g['@_class'] === 'phase phase-cancelled')!.rect[0]['@_stroke-dasharray']).toBeDefined();
  });

  it('makes each bar as wide as its quarters and puts it under them', () => {
    const groups = phaseGroups(parse(seedPlan()));
    const bar = (i: number) => ({ x: Number(groups[i].rect[0]['@_x']), width: Number(groups[i].rect[0]['@_width']) });
    const quarterWidth = bar(0).width + 4;
    expect(bar(1).width).toBeCloseTo(3 * quarterWidth - 4);
    expect(bar(1).x).toBeCloseTo(bar(0).x + quarterWidth);
    expect(bar(4).x).toBeCloseTo(bar(0).x + 7 * quarterWidth);
  });

  it.each([
    { today: '2024-01-01', quarterIndex: 0, fraction: 0.5 / 91 },
    { today: '2025-05-15', quarterIndex: 5, fraction: 44.5 / 91 },
    { today: '2025-12-31', quarterIndex: 7, fraction: 91.5 / 92 },
  ])('marks today ($today) where it falls on the timeline', ({ today, quarterIndex, fraction }) => {
    const svg = parse(renderProcessPlanSvg({ committeeName: COMMITTEE, phases: SEED_PHASES, today }));
    const todayGroup = svg.g.find((g: Node) => g['@_class'] === 'today');
    const firstBar = phaseGroups(svg)[0].rect[0];
    const quarterWidth = Number(firstBar['@_width']) + 4;
    const chartLeft = Number(firstBar['@_x']) - 2;
    expect(Number(todayGroup.line[0]['@_x1'])).toBeCloseTo(chartLeft + (quarterIndex + fraction) * quarterWidth, 0);
    expect(todayGroup.text[0]['#text']).toBe('i dag');
  });

  it.each(['2023-12-31', '2026-01-01'])('draws no today line when today (%s) is off the timeline', (today) => {
    const svg = parse(renderProcessPlanSvg({ committeeName: COMMITTEE, phases: SEED_PHASES, today }));
    expect((svg.g ?? []).some((g: Node) => g['@_class'] === 'today')).toBe(false);
    expect(allText(svg)).not.toContain('i dag');
  });

  it('escapes & < > " \' and drops characters XML cannot carry, keeping the document valid', () => {
    const title = `R&D <"Første" fase> 'Ældre' \u0007og\u0000 børn\uD800`;
    const committeeName = 'Udvalg for <lighed> & "sundhed"';
    const raw = renderProcessPlanSvg({ committeeName, phases: [{ title, fromQuarter: '2024-Q1', toQuarter: '2024-Q2', state: 'planned' }], today: '2024-02-01' });
    const svg = parse(raw);
    expect(textOf(phaseGroups(svg)[0].text[0])).toBe(`R&D <"Første" fase> 'Ældre' og børn`);
    expect(contentOf(svg.title)).toBe(`Procesplan – ${committeeName}`);
    expect(raw).not.toContain('<lighed>');
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });

  it('wraps a long title over lines and ends it with an ellipsis past three, keeping it whole in the tooltip', () => {
    const title = Array.from({ length: 80 }, (_, i) => `ord${i}`).join(' ');
    const svg = parse(renderProcessPlanSvg({ committeeName: COMMITTEE, phases: [{ title, fromQuarter: '2024-Q1', toQuarter: '2024-Q1', state: 'active' }], today: '2024-02-01' }));
    const group = phaseGroups(svg)[0];
    expect(group.text[0].tspan).toHaveLength(3);
    expect(textOf(group.text[0]).endsWith('…')).toBe(true);
    expect(contentOf(group.title)).toBe(`${title} (1. kvt. 2024, aktiv)`);
  });

  it('widens the timeline to phases outside the given span, and shows the span when there are no phases', () => {
    const widened = allText(parse(renderProcessPlanSvg({ committeeName: COMMITTEE, phases: SEED_PHASES, today: '2025-01-01', span: { fromQuarter: '2025-Q1', toQuarter: '2026-Q1' } })));
    expect(widened).toEqual(expect.arrayContaining(['1. kvt. 2024', '1. kvt. 2026']));
    const empty = parse(renderProcessPlanSvg({ committeeName: COMMITTEE, phases: [], today: '2030-01-01', span: { fromQuarter: '2024-Q1', toQuarter: '2024-Q4' } }));
    expect(phaseGroups(empty)).toHaveLength(0);
    expect(allText(empty)).toEqual(expect.arrayContaining(['1. kvt. 2024', '4. kvt. 2024', 'Ingen faser i planen endnu']));
    const nothing = allText(parse(renderProcessPlanSvg({ committeeName: COMMITTEE, phases: [], today: '2030-05-01' })));
    expect(nothing).toEqual(expect.arrayContaining(['2. kvt. 2030', 'i dag']));
  });
});
