import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { claimQuotation } from '../../../src/core/claims/claimQuotation';
import { extractClaims } from '../../../src/core/claims/extractClaims';
import { formatCitation } from '../../../src/core/cite/formatCitation';
import { paperSummaryMarkdown } from '../../../src/core/cite/paperSummary';
import { renderReferenceList } from '../../../src/core/cite/referencesSection';
import { topClaims } from '../../../src/core/cite/topClaims';
import { buildLibrary, type LibraryInput } from '../../../src/core/library/library';
import type { Paper } from '../../../src/core/library/paper';
import { comparisonTable } from '../../../src/core/notes/comparisonTable';
import { noteVariables } from '../../../src/core/notes/noteTemplate';
import { displayClaims } from '../../../src/core/text/displayClaims';
import { renderPaperBody } from '../../../src/core/view/paperHtml';
import { paperTooltipMarkdown } from '../../../src/core/view/paperTooltip';

const embedded: LibraryInput[] = [
  { file: '000_3372b0a668492b2d.txt', text: readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8'), format: 'daily-papers' },
  { file: 'seed-metadata.json', text: readFileSync('corpus/seed-metadata.json', 'utf8'), format: 'paper-metadata' },
];

function bundled(key: string): Paper {
  const paper = buildLibrary(embedded).get(key);
  assert.ok(paper, key);
  return paper;
}

/** A paper whose title and abstract carry scraped forms, as a Daily Papers page would. */
function scrapedPaper(): Paper {
  return {
    ...bundled('gu2023mamba'),
    key: 'scraped2024',
    title: 'Attention in Oleft(n^{1.5}dright) with 93\\% Recall',
    abstract: 'We reach 93\\% recall with 11.0 pm 1.3 points of gain. Our model is 5times faster than Transformers.',
  };
}

describe('clean reading text on every surface a person reads', () => {
  // [surface, what it renders for a paper, what must show, scraped forms that must not]
  const surfaces: ReadonlyArray<readonly [string, (paper: Paper) => string, string, RegExp]> = [
    ['the paper view abstract and claims table', (paper) => renderPaperBody({ paper, claims: extractClaims(paper.abstract) }), '5× faster than Transformers', /5times|\\%|pm 1\.3|left\(/],
    ['the paper view title', (paper) => renderPaperBody({ paper, claims: [] }), 'Attention in O(n^1.5·d) with 93% Recall', /left\(|\\%/],
    ['the Papers tree tooltip', (paper) => paperTooltipMarkdown(paper, extractClaims(paper.abstract)), '5× faster than Transformers', /5times|left\(/],
    ['hovers and completion details', (paper) => paperSummaryMarkdown(paper, topClaims(paper.abstract)), '5× faster than Transformers', /5times|\\\\%|pm 1\.3|left\(/],
    [
      'the note template\'s claims and abstract',
      (paper) => {
        const variables = noteVariables(paper, { claims: extractClaims(paper.abstract), style: 'pandoc', categoryLabel: (id) => id, date: '2024-01-01' });
        return `${variables.title}\n${variables.claims}\n${variables.abstract}`;
      },
      '11.0 ± 1.3 points',
      /5times|\\%|pm 1\.3|left\(/,
    ],
    ['Cite This Claim', (paper) => claimQuotation(extractClaims(paper.abstract).find((claim) => claim.kind === 'speedup')!, '[@scraped2024]'), '> Our model is 5× faster than Transformers. [@scraped2024]', /5times/],
    [
      'comparison tables',
      (paper) => comparisonTable([paper], { claimsOf: (p) => extractClaims(p.abstract), style: 'pandoc', categoryLabel: (id) => id }),
      '5× faster than Transformers [@scraped2024]',
      /5times|left\(/,
    ],
    ['the References section', (paper) => renderReferenceList([paper]), 'Attention in O(n^1.5·d) with 93% Recall', /left\(|\\%/],
    ['a Markdown-link citation', (paper) => formatCitation([paper], 'markdown-link'), '[Attention in O(n^1.5·d) with 93% Recall (Gu and Dao, 2023)]', /left\(|\\%/],
  ];

  for (const [surface, render, expected, scraped] of surfaces) {
    it(`shows ${surface} in clean text`, () => {
      const shown = render(scrapedPaper());
      assert.ok(shown.includes(expected), `${JSON.stringify(expected)} not in:\n${shown}`);
      assert.doesNotMatch(shown, scraped);
    });
  }

  it('highlights Mamba\'s speedup in the paper view as "5× higher throughput than Transformers"', () => {
    const paper = bundled('gu2023mamba');
    const html = renderPaperBody({ paper, claims: extractClaims(paper.abstract) });
    assert.match(html, /<mark class="claim kind-speedup"[^>]*>5× higher throughput than Transformers<span class="sr-only">/);
    assert.match(html, /<td class="claim-text" dir="auto">5× higher throughput than Transformers<\/td>/);
    assert.doesNotMatch(html, /5times/);
  });

  it('keeps claim indices and maps each claim into the clean abstract', () => {
    const paper = scrapedPaper();
    const claims = extractClaims(paper.abstract);
    const shown = displayClaims(paper.abstract, claims);
    assert.equal(shown.length, claims.length);
    shown.forEach((claim, index) => assert.equal(claim.kind, claims[index]!.kind));
    const clean = 'We reach 93% recall with 11.0 ± 1.3 points of gain. Our model is 5× faster than Transformers.';
    for (const claim of shown) assert.equal(clean.slice(claim.start, claim.end), claim.text);
    assert.ok(shown.some((claim) => claim.text === '5× faster than Transformers'));
  });
});
