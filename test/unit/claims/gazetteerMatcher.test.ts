import { strict as assert } from 'node:assert';
import { findBenchmarks } from '../../../src/core/claims/gazetteerMatcher';
import { BENCHMARK_GAZETTEER } from '../../../src/core/claims/rules/benchmarkGazetteer';

const names = (text: string) => findBenchmarks(text).map((hit) => text.slice(hit.start, hit.end));

describe('benchmark gazetteer', () => {
  it('holds a few hundred names across the domains of the field', () => {
    const aliases = Object.values(BENCHMARK_GAZETTEER).flat().flatMap((entry) => entry.split('|'));
    assert.ok(aliases.length >= 400, `${aliases.length} names`);
    for (const domain of ['language', 'longRange', 'vision', 'video', 'speech', 'timeSeries', 'graphs', 'medical', 'pointClouds', 'recommendation']) {
      assert.ok((BENCHMARK_GAZETTEER[domain] ?? []).length > 5, domain);
    }
  });

  const cases: readonly { readonly name: string; readonly text: string; readonly expected: readonly string[] }[] = [
    { name: 'matches short acronyms case-sensitively', text: 'We use COCO, not coco or Coco; also LRA but not lra.', expected: ['COCO', 'LRA'] },
    { name: 'matches long names in any case and with either separator', text: 'Long Range Arena, long-range-arena and LONG RANGE ARENA.', expected: ['Long Range Arena', 'long-range-arena', 'LONG RANGE ARENA'] },
    { name: 'prefers the longest alias', text: 'Results on ImageNet-1K and Something-Something V2.', expected: ['ImageNet-1K', 'Something-Something V2'] },
    { name: 'accepts a dropped hyphen before a number', text: 'On WikiText103 and PG19.', expected: ['WikiText103', 'PG19'] },
    { name: 'keeps names with punctuation whole', text: 'WSJ0-2/3mix and WHAM!/WHAMR! and CNN/DailyMail.', expected: ['WSJ0-2/3mix', 'WHAM!', 'WHAMR!', 'CNN/DailyMail'] },
    { name: 'does not match inside longer words or unknown suffixes', text: 'COCOA, ImageNet-Foo, ETTh9 and MNISTs.', expected: [] },
    { name: 'matches a mixed-case name only in its own case', text: 'The QuALITY benchmark measures quality.', expected: ['QuALITY'] },
    { name: 'treats an underscore as a word break, like a space', text: 'Splits val_COCO, test_ImageNet-1K_v2 and COCO_x, not COCOx.', expected: ['COCO', 'ImageNet-1K', 'COCO'] },
    { name: 'finds names whose first word is common only where the whole name follows', text: 'Long tasks: the Pile, a pile of text, and the Long Range Arena.', expected: ['the Pile', 'Long Range Arena'] },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => assert.deepEqual(names(text), expected));
  }

  it('gives each hit a rule id that names its domain and canonical name', () => {
    const [hit] = findBenchmarks('We evaluate on Libri2Mix.');
    assert.equal(hit?.ruleId, 'benchmark.speech.LibriMix');
    assert.equal(hit?.canonical, 'LibriMix');
  });

  it('marks names that are also ordinary words as ambiguous', () => {
    assert.deepEqual(findBenchmarks('Weather and ETTh1.').map((h) => h.ambiguous), [true, false]);
  });
});
