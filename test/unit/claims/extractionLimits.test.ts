import { strict as assert } from 'node:assert';
import { claimSpans } from '../../../src/core/claims/claim';
import { claimLimitNotes, extractClaims, extractClaimsWithReport, MAX_CLAIMS_PER_PAPER } from '../../../src/core/claims/extractClaims';
import { describeClaim } from '../../../src/core/view/claimDescription';
import { renderPaperBody } from '../../../src/core/view/paperHtml';
import type { Paper } from '../../../src/core/library/paper';
import { manyDistinctClaims, repetitiveAbstract } from '../../fixtures/hostileInputs';

function paperWith(abstract: string): Paper {
  return { key: 'k', title: 'T', abstract, authors: [], codeUrls: [], categories: [], source: { file: 'f', line: 1 } };
}

describe('claim extraction limits', function () {
  // The 10 MB abstract takes a second or two alone; a loaded machine may take several.
  this.timeout(60_000);

  it('merges a claim repeated word for word into the first, with its count and the places of the repeats', () => {
    const abstract = 'It runs 5x faster than attention. Again, it runs 5x faster than attention. Once more: 5x faster than attention.';
    const claims = extractClaims(abstract).filter((claim) => claim.kind === 'speedup');
    assert.equal(claims.length, 1);
    const [claim] = claims;
    assert.equal(claim!.occurrences, 3);
    assert.deepEqual(claimSpans(claim!).map(({ start, end }) => abstract.slice(start, end)), [claim!.text, claim!.text, claim!.text]);
    assert.ok(describeClaim(claim!).includes('Made 3 times in the abstract'));
  });

  it('keeps claims that differ only in their numbers apart', () => {
    const claims = extractClaims('Model A runs 5x faster than attention. Model B runs 6x faster than attention.');
    assert.deepEqual(claims.filter((claim) => claim.kind === 'speedup').map((claim) => [claim.values, claim.occurrences]), [[[5], undefined], [[6], undefined]]);
  });

  it('keeps at most the cap of distinct claims per paper and says so in the paper view', () => {
    const abstract = manyDistinctClaims(MAX_CLAIMS_PER_PAPER + 50);
    const extraction = extractClaimsWithReport(abstract);
    assert.equal(extraction.claims.length, MAX_CLAIMS_PER_PAPER);
    assert.ok(extraction.found >= MAX_CLAIMS_PER_PAPER + 50, `found ${extraction.found}`);
    const notes = claimLimitNotes(extraction);
    assert.ok(notes.some((note) => note.includes(`first ${MAX_CLAIMS_PER_PAPER} of ${extraction.found}`)), notes.join('\n'));
    const html = renderPaperBody({ paper: paperWith(abstract), claims: extraction.claims, extractorNotes: notes });
    assert.match(html, new RegExp(`Only the first ${MAX_CLAIMS_PER_PAPER} of`));
  });

  it('turns the 200 KB repetitive abstract into a few hundred rows at most, not thousands', () => {
    const abstract = repetitiveAbstract(200_000);
    const extraction = extractClaimsWithReport(abstract);
    assert.ok(extraction.claims.length <= MAX_CLAIMS_PER_PAPER);
    const texts = extraction.claims.map((claim) => `${claim.kind} ${claim.text}`);
    assert.equal(new Set(texts).size, texts.length, 'no two rows say the same thing');
    assert.ok(extraction.merged > 1000, `merged ${extraction.merged}`);
    const html = renderPaperBody({ paper: paperWith(abstract), claims: extraction.claims, extractorNotes: claimLimitNotes(extraction) });
    assert.ok(html.length < 1_500_000, `paper view of ${html.length} characters`);
  });

  it('finishes a 10 MB abstract of more than 100,000 candidate claims without overflowing the stack', () => {
    const abstract = repetitiveAbstract(10_000_000);
    const extraction = extractClaimsWithReport(abstract);
    assert.equal(extraction.claims.length, MAX_CLAIMS_PER_PAPER);
    assert.ok(extraction.merged + extraction.found > 100_000, `only ${extraction.merged + extraction.found} claims`);
    for (const claim of extraction.claims) {
      assert.equal(abstract.slice(claim.start, claim.end), claim.text);
      assert.ok(claim.sentence.length <= 602, 'a claim carries a bounded window of its sentence');
    }
  });

  it('cuts an endless sentence to a window around the claim', () => {
    const abstract = `${'word '.repeat(2000)}it is 7x faster than attention ${'word '.repeat(2000)}`;
    const [claim] = extractClaims(abstract).filter((c) => c.kind === 'speedup');
    assert.ok(claim !== undefined);
    assert.ok(claim.sentence.includes(claim.text));
    assert.ok(claim.sentence.startsWith('…') && claim.sentence.endsWith('…'));
    assert.ok(claim.sentence.length <= 602);
  });
});
