import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { extractClaims } from '../../../src/core/claims/extractClaims';
import { buildLibrary, type LibraryInput } from '../../../src/core/library/library';
import { displayText, readingText } from '../../../src/core/text/readingText';

/** Scraped forms that must not survive into the reading text (`^1.5` may: a decimal has no superscript form). */
const ARTIFACTS: ReadonlyArray<[string, RegExp]> = [
  ['glued times', /\dtimes/],
  ['escaped LaTeX special or command', /\\[A-Za-z%&#$()]/],
  ['scraped pm', /\d\s?pm\s?\d/],
  ['scraped left/right', /[A-Za-z0-9]left[([|]|right[)\]|]/],
  ['math shift', /\$/],
  ['tilde range', /\d~\d/],
  ['braced script', /[_^]\{/],
  ['script with a Unicode form', /\^\d+(?![.\d])/],
];

function artifactsIn(text: string): string[] {
  return ARTIFACTS.filter(([, pattern]) => pattern.test(text)).map(([name]) => `${name}: …${/.{0,25}$/.exec(text.slice(0, text.search(ARTIFACTS.find(([n]) => n === name)![1])))![0]}…`);
}

/**
 * Where a claim's words land in the clean text, found without the offset map: the claim's ends are marked in the raw
 * text with private-use characters and the marked text is read. Undefined when a mark splits a rewritten token
 * (a claim ending inside "Oleft("), so the marked text reads differently.
 */
function markedHighlight(abstract: string, start: number, end: number, clean: string): { start: number; end: number } | undefined {
  const marked = `${abstract.slice(0, start)}\uE000${abstract.slice(start, end)}\uE001${abstract.slice(end)}`;
  const read = readingText(marked).text;
  if (read.replace(/[\uE000\uE001]/g, '') !== clean) return undefined;
  const open = read.indexOf('\uE000');
  return { start: open, end: read.indexOf('\uE001') - 1 };
}

/** Checks one claim's highlight against the marked reading; returns false when a mark split a rewritten token. */
function checkHighlight(abstract: string, claim: { start: number; end: number; text: string }): boolean {
  const reading = readingText(abstract);
  const span = reading.cleanSpan(claim.start, claim.end);
  const expected = markedHighlight(abstract, claim.start, claim.end, reading.text);
  if (expected === undefined) {
    // The claim cuts a rewritten token: the highlight takes the whole token's reading, so it still begins and ends
    // with the claim's first and last clean words.
    assert.ok(span.end > span.start, `empty highlight for ${JSON.stringify(claim.text)}`);
    return false;
  }
  assert.deepEqual(span, expected, `highlight of ${JSON.stringify(claim.text)} in ${JSON.stringify(abstract)}`);
  assert.equal(reading.text.slice(span.start, span.end), displayText(claim.text), `words of ${JSON.stringify(claim.text)}`);
  // Back to the raw span, give or take markup at its ends that reads as nothing (the closing $ of "3$\times$").
  const back = reading.rawSpan(span.start, span.end);
  assert.ok(back.start >= claim.start && back.end <= claim.end, `back inside the raw span of ${JSON.stringify(claim.text)}`);
  const before = reading.cleanSpan(claim.start, back.start);
  const after = reading.cleanSpan(back.end, claim.end);
  assert.equal(before.end - before.start, 0, `only deleted markup left out before ${JSON.stringify(claim.text)}`);
  assert.equal(after.end - after.start, 0, `only deleted markup left out after ${JSON.stringify(claim.text)}`);
  return true;
}

describe('reading text', () => {
  // [artifact class, raw text, clean text, a raw span's words, the same words in the clean text, and the raw words
  // that clean span maps back to when they differ: back from the clean text, deleted markup at the ends is left out]
  const cases: ReadonlyArray<readonly [string, string, string, string, string, string?]> = [
    ['a multiplication glued to a number', 'fast inference (5times higher throughput)', 'fast inference (5× higher throughput)', '5times higher', '5× higher'],
    ['a pair of factors', 'up to 7.07times/2.86times faster', 'up to 7.07×/2.86× faster', '7.07times/2.86times', '7.07×/2.86×'],
    ['a patch size', 'local patches (e.g., 16times16) as', 'local patches (e.g., 16×16) as', '16times16', '16×16'],
    ['an escaped percent', 'recovers 93\\% of the quality', 'recovers 93% of the quality', '93\\% of', '93% of'],
    ['a scraped plus-minus', 'gives 11.0 pm 1.3 points of improvement', 'gives 11.0 ± 1.3 points of improvement', '11.0 pm 1.3 points', '11.0 ± 1.3 points'],
    ['a scraped left/right with a decimal exponent', 'attention to Oleft(n^{1.5}dright) from', 'attention to O(n^1.5·d) from', 'Oleft(n^{1.5}dright)', 'O(n^1.5·d)'],
    ['a scraped left/right with a square', 'from Oleft(n^2dright) for', 'from O(n²·d) for', 'Oleft(n^2dright)', 'O(n²·d)'],
    ['a bare exponent', 'the O(N^2) complexity', 'the O(N²) complexity', 'O(N^2) complexity', 'O(N²) complexity'],
    ['a power of ten', 'at least 10^23 FLOPs', 'at least 10²³ FLOPs', '10^23 FLOPs', '10²³ FLOPs'],
    ['a tilde range', 'cost by 10~30% with', 'cost by 10–30% with', '10~30%', '10–30%'],
    ['a tilde meaning about', 'a gain (~2%) simply', 'a gain (~2%) simply', '~2%', '~2%'],
    ['math times after a number', 'runs 3$\\times$ faster', 'runs 3× faster', '3$\\times$ faster', '3× faster'],
    ['inline math with a square', 'avoid the $O(n^2)$ cost', 'avoid the O(n²) cost', '$O(n^2)$ cost', 'O(n²) cost', 'O(n^2)$ cost'],
    ['inline math with Greek and operators', 'when $\\alpha \\leq 1$ holds', 'when α ≤ 1 holds', '$\\alpha \\leq 1$', 'α ≤ 1', '\\alpha \\leq 1'],
    ['inline math with a subscript', 'the state $h_t$ is', 'the state hₜ is', 'h_t', 'hₜ'],
    ['parenthesised inline math', 'matrix \\( A \\), this', 'matrix A, this', 'A', 'A'],
    ['a formatting command', 'the \\textbf{Mamba} model', 'the Mamba model', '\\textbf{Mamba} model', 'Mamba model', 'Mamba} model'],
    ['a bare backslash command', 'gains of 2\\times over', 'gains of 2× over', '2\\times over', '2× over'],
    ['a bare operator name before a number', 'a ratio of approx 3.5 to', 'a ratio of ≈ 3.5 to', 'approx 3.5', '≈ 3.5'],
  ];

  for (const [artifact, raw, clean, rawWords, cleanWords, rawWordsBack = rawWords] of cases) {
    it(`reads ${artifact}, and maps its span both ways`, () => {
      const reading = readingText(raw);
      assert.equal(reading.text, clean);
      assert.equal(displayText(raw), clean);
      const rawStart = raw.indexOf(rawWords);
      const cleanStart = clean.indexOf(cleanWords);
      assert.ok(rawStart >= 0 && cleanStart >= 0, 'the test names words that occur');
      assert.deepEqual(reading.cleanSpan(rawStart, rawStart + rawWords.length), { start: cleanStart, end: cleanStart + cleanWords.length }, 'raw -> clean');
      const backStart = raw.indexOf(rawWordsBack);
      assert.deepEqual(reading.rawSpan(cleanStart, cleanStart + cleanWords.length), { start: backStart, end: backStart + rawWordsBack.length }, 'clean -> raw');
    });
  }

  const unchanged: ReadonlyArray<[string, string]> = [
    ['English "times"', 'repeated multiple times in the prompt, 53 times smaller'],
    ['words containing the operator names', 'sometimes simple, left (or right) parts, temp 5 pm'],
    ['a lone dollar sign', 'costs $5 per hour'],
    ['dollar signs that Pandoc would not read as math', 'Models $(alert) $(zap) {{7*7}} ${constructor}, or $5 and $10, or $ x $'],
    ['a closing parenthesis after "right" with no scraped left', 'at the top right) of'],
    ['empty text', ''],
  ];
  for (const [what, raw] of unchanged) {
    it(`leaves ${what} as written`, () => {
      const reading = readingText(raw);
      assert.equal(reading.text, raw);
      assert.deepEqual(reading.cleanSpan(0, raw.length), { start: 0, end: raw.length });
    });
  }

  it('snaps an offset inside a replaced piece to the piece\'s start or end', () => {
    const reading = readingText('x 5times y');
    // Raw "5times" is [2, 8); clean "5×" is [2, 4).
    assert.equal(reading.toClean(5, 'start'), 3);
    assert.equal(reading.toClean(5, 'end'), 4);
    assert.equal(reading.toRaw(3, 'start'), 3);
    assert.equal(reading.toRaw(4, 'start'), 8);
  });

  describe('on the 53 bundled abstracts', () => {
    const embedded: LibraryInput[] = [
      { file: '000_3372b0a668492b2d.txt', text: readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8'), format: 'daily-papers' },
      { file: 'seed-metadata.json', text: readFileSync('corpus/seed-metadata.json', 'utf8'), format: 'paper-metadata' },
    ];
    const papers = buildLibrary(embedded).papers;

    it('leaves no scraped artifact in any title or abstract', () => {
      assert.equal(papers.length, 53);
      const left = papers.flatMap((paper) => [
        ...artifactsIn(displayText(paper.title)).map((artifact) => `${paper.key} title: ${artifact}`),
        ...artifactsIn(readingText(paper.abstract).text).map((artifact) => `${paper.key} abstract: ${artifact}`),
      ]);
      assert.deepEqual(left, []);
    });

    it('finds the artifacts in the raw abstracts, so the check above can fail', () => {
      const raw = papers.flatMap((paper) => artifactsIn(paper.abstract));
      assert.ok(raw.length >= 10, `only ${raw.length} artifacts in the raw corpus`);
    });

    it('reads Mamba\'s speedup as "5× higher throughput than Transformers"', () => {
      const mamba = papers.find((paper) => paper.key === 'gu2023mamba')!;
      const reading = readingText(mamba.abstract);
      const claim = extractClaims(mamba.abstract).find((c) => c.kind === 'speedup' && c.text.startsWith('5times'))!;
      assert.equal(claim.text, '5times higher throughput than Transformers');
      const span = reading.cleanSpan(claim.start, claim.end);
      assert.equal(reading.text.slice(span.start, span.end), '5× higher throughput than Transformers');
    });

    it('maps every claim of every abstract to the clean reading of its own text, and back', () => {
      const split = papers.flatMap((paper) => extractClaims(paper.abstract).filter((claim) => !checkHighlight(paper.abstract, claim)).map((claim) => `${paper.key}: ${claim.text}`));
      assert.deepEqual(split, [], 'claims that cut a rewritten token');
    });
  });

  it('highlights exactly the mapped words of every claim in random abstracts', () => {
    const piece = fc.constantFrom(
      'Our model', 'achieves', 'enjoys', 'a', 'with', 'the', 'and', 'of', 'faster', 'higher throughput than Transformers', 'reduction in memory',
      'accuracy on ImageNet', 'on Long Range Arena', 'up to', '5times', '16times16', '1.37times/1.24times', '93\\%', '10~30%', '~2%',
      '11.0 pm 1.3 points', 'Oleft(n^{1.5}dright)', 'O(N^2)', '10^23 FLOPs', '3$\\times$', '$O(n^2)$', '\\textbf{Mamba}', '\\( A \\)',
      'speedup', 'fewer parameters', '40%', '2.4x', 'than FlashAttention-2', '.', ',', 'times', 'sometimes', '(', ')',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), (pieces) => {
        const abstract = pieces.join(' ').replace(/ ([.,)])/g, '$1').replace(/\( /g, '(');
        for (const claim of extractClaims(abstract)) {
          assert.equal(abstract.slice(claim.start, claim.end), claim.text, 'a claim stays a substring of the raw abstract');
          checkHighlight(abstract, claim);
        }
      }),
      { numRuns: Number(process.env.READING_TEXT_RUNS ?? 1500) },
    );
  });
});
