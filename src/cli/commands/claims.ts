import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CLAIM_KINDS, type Claim, type ClaimKind } from '../../core/claims/claim';
import { extractClaims } from '../../core/claims/extractClaims';
import { buildLibrary } from '../../core/library/library';
import type { Paper } from '../../core/library/paper';
import { readCorpusFiles } from '../../node/corpusFiles';
import { displayClaims } from '../../core/text/displayClaims';
import { displayText, readingText } from '../../core/text/readingText';
import { CliError, type CliCommand, type CliIo } from '../cliCommand';

/**
 * The JSON shape of one claim: everything but the sentence, which the abstract already holds. `text`, `start` and
 * `end` are in the source abstract; `displayText`, `displayStart` and `displayEnd` in its clean reading text.
 */
function claimJson(claim: Claim, display: Claim) {
  return {
    kind: claim.kind,
    start: claim.start,
    end: claim.end,
    text: claim.text,
    displayText: display.text,
    displayStart: display.start,
    displayEnd: display.end,
    values: claim.values,
    unit: claim.unit ?? null,
    qualifier: claim.qualifier ?? null,
    measure: claim.measure ?? null,
    baseline: claim.baseline ?? null,
    ruleId: claim.ruleId,
  };
}

/**
 * One line per claim under the paper's key and title: kind, text, then value, measure and baseline when known.
 * The claims and title come as they should be read (clean, or the source text with --raw).
 */
function claimTable(paper: Paper, title: string, claims: readonly Claim[]): string {
  const lines = [`${paper.key}  ${title}`];
  if (claims.length === 0) lines.push('  (no claims)');
  for (const claim of claims) {
    const details: string[] = [];
    if (claim.values.length > 0) {
      details.push(`${claim.qualifier === undefined ? '' : `${claim.qualifier} `}${claim.values.join('/')}${claim.unit === undefined ? '' : ` ${claim.unit}`}`);
    }
    if (claim.measure !== undefined) details.push(claim.measure);
    if (claim.baseline !== undefined) details.push(`vs ${claim.baseline}`);
    const text = claim.text.length > 70 ? `${claim.text.slice(0, 69)}…` : claim.text;
    lines.push(`  ${claim.kind.padEnd(10)} ${text.padEnd(70)}${details.length > 0 ? `  [${details.join('; ')}]` : ''}`);
  }
  return `${lines.join('\n')}\n\n`;
}

async function papersOf(files: readonly string[], io: CliIo): Promise<readonly Paper[]> {
  const inputs = await readCorpusFiles(files.map((file) => ({ path: path.resolve(file), format: 'daily-papers' as const, display: file })));
  const library = buildLibrary(inputs);
  for (const d of library.diagnostics) io.stderr(`${d.file}:${d.line}: ${d.severity}: ${d.message}\n`);
  return library.papers;
}

export const claimsCommand: CliCommand = {
  name: 'claims',
  usage: 'claims [FILE...] [--json] [--kind K] [--raw]',
  summary: 'claims in each abstract (speedups, results, benchmarks, ...)',
  async run({ library, io }, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, kind: { type: 'string' }, raw: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const kind = values.kind;
    if (kind !== undefined && !(CLAIM_KINDS as readonly string[]).includes(kind)) {
      throw new CliError(`unknown claim kind ${kind}; one of ${CLAIM_KINDS.join(', ')}`);
    }
    const papers = positionals.length > 0 ? await papersOf(positionals, io) : library.papers;
    const results = papers.map((paper) => {
      const reading = readingText(paper.abstract);
      const all = extractClaims(paper.abstract);
      const display = displayClaims(paper.abstract, all, reading);
      const chosen = all.map((_claim, index) => index).filter((index) => kind === undefined || all[index]!.kind === (kind as ClaimKind));
      return { paper, reading, claims: chosen.map((index) => all[index]!), display: chosen.map((index) => display[index]!) };
    });
    if (values.json) {
      const json = results.map(({ paper, reading, claims, display }) => ({
        key: paper.key,
        title: paper.title,
        displayTitle: displayText(paper.title),
        abstract: paper.abstract,
        displayAbstract: reading.text,
        claims: claims.map((claim, index) => claimJson(claim, display[index]!)),
      }));
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      // Filtering by kind lists only the papers that make such a claim.
      for (const { paper, claims, display } of results) {
        if (kind !== undefined && claims.length === 0) continue;
        io.stdout(values.raw ? claimTable(paper, paper.title, claims) : claimTable(paper, displayText(paper.title), display));
      }
    }
    return 0;
  },
};
