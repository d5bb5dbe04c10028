import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { Claim, ClaimKind } from '../../../src/core/claims/claim';
import { extractClaims } from '../../../src/core/claims/extractClaims';

interface Expected {
  readonly kind: ClaimKind;
  readonly text: string;
  readonly values?: readonly number[];
  readonly unit?: string;
  readonly qualifier?: string;
  readonly measure?: string;
  readonly baseline?: string;
}

/** Every hard case met while building the extractor: the input and the claim it must yield. */
const FINDS: readonly { readonly name: string; readonly input: string; readonly expect: Expected }[] = [
  // speedup
  { name: '"times" glued to the number, with a baseline', input: 'Mamba enjoys fast inference (5times higher throughput than Transformers).',
    expect: { kind: 'speedup', text: '5times higher throughput than Transformers', values: [5], unit: 'x', measure: 'throughput', baseline: 'Transformers' } },
  { name: 'two multipliers for forward and backward passes', input: 'It trains with 1.37times/1.24times faster forward/backward pass during training.',
    expect: { kind: 'speedup', text: '1.37times/1.24times faster forward/backward pass', values: [1.37, 1.24], unit: 'x' } },
  { name: 'a range of multipliers and a "compared to" baseline', input: 'Our design demonstrates 10-20x gains in inference throughput compared to vanilla transformers with equivalent perplexity.',
    expect: { kind: 'speedup', text: '10-20x gains in inference throughput compared to vanilla transformers', values: [10, 20], measure: 'throughput', baseline: 'vanilla transformers' } },
  { name: 'an uppercase X', input: 'ConvS5 generates samples 400X faster than Transformers.',
    expect: { kind: 'speedup', text: '400X faster than Transformers', values: [400], baseline: 'Transformers' } },
  { name: '"up to" before the multiplier', input: 'The kernels are up to 7.07times/2.86times faster in the forward/backward pass.',
    expect: { kind: 'speedup', text: 'up to 7.07times/2.86times faster in the forward/backward pass', qualifier: 'up to' } },
  { name: 'LaTeX $\\times$ after the number', input: 'RetNet decodes 8.4$\\times$ faster than Transformers.',
    expect: { kind: 'speedup', text: '8.4$\\times$ faster than Transformers', values: [8.4], unit: 'x' } },
  { name: 'a speed-up noun', input: 'TCNCA achieves, on average, 1.28times speed-up during inference.',
    expect: { kind: 'speedup', text: '1.28times speed-up during inference', values: [1.28] } },
  { name: 'a kernel outperforming a framework by a multiplier', input: 'Our fused MHA outperforms PyTorch by 6.13x on an A100.',
    expect: { kind: 'speedup', text: 'outperforms PyTorch by 6.13x', values: [6.13], baseline: 'PyTorch' } },
  { name: 'a frame rate going from one value to another', input: 'The model decreases error and boosts FPS from 533 to 2364.',
    expect: { kind: 'speedup', text: 'boosts FPS from 533 to 2364', values: [533, 2364], measure: 'FPS' } },
  { name: 'a percentage wall-clock speedup', input: 'We obtain a 15% end-to-end wall-clock speedup on BERT-large.',
    expect: { kind: 'speedup', text: '15% end-to-end wall-clock speedup', values: [15], unit: '%' } },
  { name: '"twice as fast as"', input: 'The operator is twice as fast as optimized attention at length 8K.',
    expect: { kind: 'speedup', text: 'twice as fast as optimized attention', values: [2] } },
  { name: 'a throughput multiplier with a phase and a baseline after it', input: 'JRT-RNN gives 19.2times higher throughput for prefill than FA2.',
    expect: { kind: 'speedup', text: '19.2times higher throughput for prefill than FA2', baseline: 'FA2' } },
  { name: 'a range written with an en dash', input: 'The new layer is 2–8X faster than its predecessor.',
    expect: { kind: 'speedup', text: '2–8X faster than its predecessor', values: [2, 8] } },
  // reduction
  { name: '"times reduction in" parameters', input: 'It needs a remarkable 53 times reduction in parameters.',
    expect: { kind: 'reduction', text: '53 times reduction in parameters', values: [53], unit: 'x', measure: 'parameters' } },
  { name: 'a "decrement" in FLOPs', input: 'It brings a substantial 65 times decrement in FLOPs.',
    expect: { kind: 'reduction', text: '65 times decrement in FLOPs', values: [65], measure: 'FLOPs' } },
  { name: 'less GPU memory', input: 'The module requires 11x less GPU memory usage.',
    expect: { kind: 'reduction', text: '11x less GPU memory usage', values: [11], measure: 'memory' } },
  { name: 'a verb with "by about" a percentage', input: 'The attention significantly reduces FLOPs by about 85% of the non-local block.',
    expect: { kind: 'reduction', text: 'reduces FLOPs by about 85% of the non-local block', values: [85], unit: '%', qualifier: 'about', baseline: 'the non-local block' } },
  { name: 'a percentage reduction in sequence length', input: 'We achieve a 32.03% reduction in sequence length.',
    expect: { kind: 'reduction', text: '32.03% reduction in sequence length', values: [32.03], measure: 'sequence length' } },
  { name: '"~" as a range', input: 'The slicing can reduce the cost consumption by 10~30% with minimal loss.',
    expect: { kind: 'reduction', text: 'reduce the cost consumption by 10~30%', values: [10, 30], unit: '%' } },
  { name: 'a compression ratio', input: 'An efficient model is compressed achieving up to 7.988x compression.',
    expect: { kind: 'reduction', text: 'up to 7.988x compression', values: [7.988], qualifier: 'up to', measure: 'compression' } },
  { name: 'the percentage in parentheses after the resource', input: 'It keeps quality while reducing computational cost (up to 75%).',
    expect: { kind: 'reduction', text: 'reducing computational cost (up to 75%)', values: [75], qualifier: 'up to' } },
  { name: 'an escaped LaTeX percent saving', input: 'RetNet saves 70\\% of memory than Transformers with key-value caches.',
    expect: { kind: 'reduction', text: 'saves 70\\% of memory than Transformers', values: [70], unit: '%', baseline: 'Transformers' } },
  { name: 'a resource named before "reduction"', input: 'It achieves a 73% on-chip energy footprint reduction.',
    expect: { kind: 'reduction', text: '73% on-chip energy footprint reduction', values: [73], measure: 'energy' } },
  // result
  { name: 'an escaped percent accuracy on a benchmark', input: 'S4 reaches 91\\% accuracy on sequential CIFAR-10 with no augmentation.',
    expect: { kind: 'result', text: '91\\% accuracy on sequential CIFAR-10', values: [91], unit: '%', measure: 'accuracy' } },
  { name: 'top-1 accuracy', input: 'We achieve an 81.5% top-1 accuracy on the ImageNet, which is strong.',
    expect: { kind: 'result', text: '81.5% top-1 accuracy on the ImageNet', values: [81.5] } },
  { name: 'two values compared with "vs"', input: 'It improves language modeling on Wikitext-103 (15.8 vs 18.3 perplexity).',
    expect: { kind: 'result', text: '15.8 vs 18.3 perplexity', values: [15.8, 18.3], measure: 'perplexity' } },
  { name: '"pm" for plus-minus', input: 'This gives 11.0 pm 1.3 points of improvement on average.',
    expect: { kind: 'result', text: '11.0 pm 1.3 points of improvement', values: [11, 1.3], unit: 'points' } },
  { name: 'a panoptic quality value', input: 'It achieves state-of-the-art performance on COCO val set with 58.0% PQ.',
    expect: { kind: 'result', text: '58.0% PQ', values: [58], measure: 'PQ' } },
  { name: 'a metric list', input: 'CCNet achieves the mIoU scores of 81.9%, 45.76% and 55.47% on three sets.',
    expect: { kind: 'result', text: 'mIoU scores of 81.9%, 45.76% and 55.47%', values: [81.9, 45.76, 55.47], measure: 'mIoU' } },
  { name: 'a perplexity improvement with its relative size', input: 'It improves the perplexity of 340M-parameter models by up to 1.14 points (6.7%) on the dataset.',
    expect: { kind: 'result', text: 'improves the perplexity of 340M-parameter models by up to 1.14 points (6.7%)', qualifier: 'up to' } },
  { name: 'an error reduction, which is a result and not an efficiency reduction', input: 'It achieves a 51.3% reduction in MSE relative to SimVP.',
    expect: { kind: 'result', text: '51.3% reduction in MSE relative to SimVP', baseline: 'SimVP' } },
  { name: 'a metric decreased by a percentage', input: 'For TaxiBJ, the model decreases MSE by 33.1% overall.',
    expect: { kind: 'result', text: 'decreases MSE by 33.1%', values: [33.1], measure: 'MSE' } },
  { name: 'a recovered fraction of the reference model', input: 'Liger recovers 93\\% of the Transformer-based LLM at 0.02\\% pre-training tokens.',
    expect: { kind: 'result', text: 'recovers 93\\% of the Transformer-based LLM', values: [93] } },
  { name: 'a perplexity gap to a baseline', input: 'H3 comes within 0.4 PPL of Transformers on OpenWebText.',
    expect: { kind: 'result', text: '0.4 PPL', values: [0.4] } },
  { name: 'a gain in parentheses with "~" as "about"', input: 'The method obtains a substantial gain (~2%) simply by recursion.',
    expect: { kind: 'result', text: 'gain (~2%)', values: [2], qualifier: '~' } },
  { name: 'a percentage higher than a baseline', input: 'The accuracy is about 1.7% higher than that of the best visual transformer.',
    expect: { kind: 'result', text: 'about 1.7% higher than that of the best visual transformer', qualifier: 'about' } },
  { name: 'a value right before a benchmark name', input: 'It reaches 82.4% top-1 on one set and 66.2% on Something-Something V2.',
    expect: { kind: 'result', text: '66.2% on Something-Something V2', values: [66.2] } },
  { name: 'a test perplexity', input: 'We obtain a test perplexity of 33.2 on the dataset.',
    expect: { kind: 'result', text: 'test perplexity of 33.2', values: [33.2], measure: 'test perplexity' } },
  // scale
  { name: 'model and data sizes', input: 'Experiments use 1.3B-parameter models trained on 100B tokens.',
    expect: { kind: 'scale', text: '1.3B-parameter models', values: [1.3e9], unit: 'params' } },
  { name: 'tokens', input: 'Experiments use 1.3B-parameter models trained on 100B tokens.',
    expect: { kind: 'scale', text: '100B tokens', values: [1e11], unit: 'tokens' } },
  { name: '"up to" parameters', input: 'We scale hybrid models up to 2.7B parameters on the Pile.',
    expect: { kind: 'scale', text: 'up to 2.7B parameters', values: [2.7e9], qualifier: 'up to' } },
  { name: 'a context window', input: 'They can effectively scale to larger than 2M context window size.',
    expect: { kind: 'scale', text: 'larger than 2M context window size', values: [2e6], qualifier: 'larger than' } },
  { name: 'a range of model sizes', input: 'This is validated on models ranging from 1B to 8B parameters.',
    expect: { kind: 'scale', text: '1B to 8B parameters', values: [1e9, 8e9] } },
  { name: 'a range written with "~" and a shared suffix', input: 'It keeps a compact size (13~15M) with ease.',
    expect: { kind: 'scale', text: 'size (13~15M)', values: [13e6, 15e6] } },
  { name: 'million-length sequences in words', input: 'Its performance improves on real data up to million-length sequences.',
    expect: { kind: 'scale', text: 'up to million-length sequences', values: [1e6] } },
  { name: 'a long sequence with a K suffix', input: 'Sequence parallelism can handle sequence with over 114K tokens.',
    expect: { kind: 'scale', text: 'sequence with over 114K tokens', values: [114000], qualifier: 'over' } },
  { name: 'a size named in the model', input: 'On language modeling, our Mamba-3B model outperforms Transformers of the same size.',
    expect: { kind: 'scale', text: 'Mamba-3B', values: [3e9] } },
  { name: 'billion in words', input: 'We scale our models as large as 14 billion parameters.',
    expect: { kind: 'scale', text: 'as large as 14 billion parameters', values: [14e9] } },
  // complexity
  { name: 'big-O with spaces', input: 'We design a ProbSparse attention, which achieves O(L log L) in time complexity.',
    expect: { kind: 'complexity', text: 'O(L log L)' } },
  { name: 'big-O with scraped LaTeX left/right', input: 'Our model reduces the overall complexity of attention to Oleft(n^{1.5}dright) from Oleft(n^2dright) for length n.',
    expect: { kind: 'complexity', text: 'Oleft(n^{1.5}dright)' } },
  { name: 'big-O inside math delimiters', input: 'We propose a mechanism which reduces the complexity from $O(n^2)$ to $O(n)$ in time and space.',
    expect: { kind: 'complexity', text: '$O(n)$' } },
  { name: 'a named complexity class', input: 'Thus we can approximate the attention in linear complexity by a dot product.',
    expect: { kind: 'complexity', text: 'linear complexity' } },
  // benchmark
  { name: 'a speech separation set with a slash', input: 'It surpasses prior methods in WSJ0-2/3mix, Libri2Mix, and WHAM!/WHAMR! benchmarks.',
    expect: { kind: 'benchmark', text: 'WSJ0-2/3mix' } },
  { name: 'a name ending in "!"', input: 'It surpasses prior methods in WSJ0-2/3mix, Libri2Mix, and WHAM!/WHAMR! benchmarks.',
    expect: { kind: 'benchmark', text: 'WHAMR!' } },
  { name: 'a lowercase hyphenated alias', input: 'We evaluate on long-range-arena (LRA) sequence classification.',
    expect: { kind: 'benchmark', text: 'long-range-arena', measure: 'Long Range Arena' } },
  { name: 'the longest alias', input: 'Results on ImageNet-1K are strong.',
    expect: { kind: 'benchmark', text: 'ImageNet-1K' } },
  { name: 'an ordinary word as a dataset name in a list of datasets', input: 'On ETTh1, Weather and Traffic the error drops.',
    expect: { kind: 'benchmark', text: 'Weather' } },
  // code
  { name: 'a link with ".git" and a final period', input: 'Our code is available at https://github.com/zeyuliu1037/LMUFormer.git.',
    expect: { kind: 'code', text: 'https://github.com/zeyuliu1037/LMUFormer.git' } },
  { name: 'a link glued to the previous word', input: 'The project page is on this webpage.https://github.com/badripatro/mamba360.',
    expect: { kind: 'code', text: 'https://github.com/badripatro/mamba360' } },
  { name: 'a link followed by a capitalised sentence without a period', input: 'Code at https://github.com/google-research/deeplab2 A PyTorch version exists.',
    expect: { kind: 'code', text: 'https://github.com/google-research/deeplab2' } },
  { name: 'a link in parentheses', input: 'Code is public (https://github.com/a/b).',
    expect: { kind: 'code', text: 'https://github.com/a/b' } },
  // comparison
  { name: 'named baselines after "such as"', input: 'We train a 1.3B model and find that it outperforms recent linear-time baselines such as Mamba and GLA in perplexity.',
    expect: { kind: 'comparison', text: 'outperforms recent linear-time baselines such as Mamba and GLA', baseline: 'recent linear-time baselines such as Mamba and GLA' } },
];

/** Text that looks like a claim but is not one: (input, kind that must not be found). */
const NOT_CLAIMS: readonly { readonly name: string; readonly input: string; readonly kind: ClaimKind }[] = [
  { name: 'a patch size', input: 'We regard the local patches (e.g., 16times16) as visual sentences and smaller patches (e.g., 4times4) as words.', kind: 'speedup' },
  { name: 'a patch size as a reduction', input: 'Images of 1248times1248 pixels use less memory.', kind: 'reduction' },
  { name: 'a hardware count', input: 'Compared with tensor parallelism, we scale up to 64 NVIDIA P100 GPUs.', kind: 'scale' },
  { name: 'a multiplier of GPUs', input: 'Trained on 8x A100 GPUs for two days.', kind: 'speedup' },
  { name: 'a year range', input: 'We survey transformer models from 2017 to 2022.', kind: 'result' },
  { name: 'a citation', input: 'RetNet (Sun et al., 2023) observes that decay helps.', kind: 'result' },
  { name: 'section markers', input: 'We (1) show that attention is an RNN and (i) train it in parallel.', kind: 'result' },
  { name: 'the quadratic cost of the baseline', input: 'However, transformers are hindered by the O(N^2) complexity of attention.', kind: 'complexity' },
  { name: 'the background complexity in the first sentence', input: 'Transformers with linear attention allow efficient training, thus enjoying linear inference complexity. We study them.', kind: 'complexity' },
  { name: 'an example length', input: 'Attention is quadratic, which is not affordable in tasks with long sequences, e.g., inputs with 8k tokens.', kind: 'scale' },
  { name: 'a lowercase word that is also a dataset acronym', input: 'We improve the quality of predictions.', kind: 'benchmark' },
  { name: 'an ordinary word without dataset context', input: 'Weather forecasting matters. Traffic is heavy.', kind: 'benchmark' },
  { name: 'a dataset name inside a longer word', input: 'We use COCOA and ImageNetX-style data.', kind: 'benchmark' },
  { name: 'a survey quoting numbers', input: 'In this survey, we review models that are 5x faster than Transformers.', kind: 'speedup' },
  { name: 'outperforming unnamed baselines', input: 'Our model outperforms baselines in most benchmark evaluations.', kind: 'comparison' },
  { name: 'background comparisons', input: 'SSMs such as Mamba have been shown to outperform Transformers at small scale.', kind: 'comparison' },
  { name: '"N times" in LaTeX without a number', input: 'It stores activations once instead of $N$ times, where $N$ is the number of layers.', kind: 'speedup' },
  { name: 'an interval', input: 'The eigenvalues lie in the range [-1, 1] and [0, 1].', kind: 'result' },
  { name: 'an MRI acceleration factor', input: 'Results on 5-fold and 10-fold accelerated data from a public dataset.', kind: 'speedup' },
  { name: 'a multiplier followed by a number', input: 'We use a 3x3 convolution for speed.', kind: 'speedup' },
  { name: 'an outperformance by a multiplier as a result', input: 'Our fused MHA outperforms PyTorch by 6.13x.', kind: 'result' },
];

function find(claims: readonly Claim[], expected: Expected): Claim | undefined {
  return claims.find((c) => c.kind === expected.kind && c.text === expected.text);
}

describe('extractClaims', () => {
  describe('finds each hard case with its values, unit, qualifier, measure and baseline', () => {
    for (const { name, input, expect } of FINDS) {
      it(`${expect.kind}: ${name}`, () => {
        const claims = extractClaims(input);
        const claim = find(claims, expect);
        assert.ok(claim, `no ${expect.kind} "${expect.text}" in ${JSON.stringify(claims.map((c) => [c.kind, c.text]))}`);
        if (expect.values !== undefined) assert.deepEqual(claim.values, expect.values);
        if (expect.unit !== undefined) assert.equal(claim.unit, expect.unit);
        if (expect.qualifier !== undefined) assert.equal(claim.qualifier, expect.qualifier);
        if (expect.measure !== undefined) assert.equal(claim.measure, expect.measure);
        if (expect.baseline !== undefined) assert.equal(claim.baseline, expect.baseline);
        assert.equal(input.slice(claim.start, claim.end), claim.text);
        assert.ok(claim.sentence.includes(claim.text), 'the claim lies in its sentence');
        assert.match(claim.ruleId, /^[a-z]+\.[\w.!/+' -]+$/);
      });
    }
  });

  describe('does not mistake look-alikes for claims', () => {
    for (const { name, input, kind } of NOT_CLAIMS) {
      it(`no ${kind} in ${name}`, () => {
        const found = extractClaims(input).filter((c) => c.kind === kind);
        assert.deepEqual(found.map((c) => c.text), []);
      });
    }
  });

  it('takes the baseline of a leading "Compared with X," for the claims of that sentence', () => {
    const claims = extractClaims('Compared with tensor parallelism, our approach achieved 13.7times and 3.0times maximum batch size and sequence length respectively.');
    const scale = claims.find((c) => c.kind === 'scale');
    assert.equal(scale?.text, '13.7times and 3.0times maximum batch size and sequence length');
    assert.equal(scale?.baseline, 'Compared with tensor parallelism');
  });

  it('keeps one claim per kind where rules overlap, and lets kinds overlap', () => {
    const input = 'JRT-RNN provides 99% of Transformer quality at 360M params., 30B tokens.';
    const claims = extractClaims(input);
    for (const kind of new Set(claims.map((c) => c.kind))) {
      const ofKind = claims.filter((c) => c.kind === kind);
      for (let i = 1; i < ofKind.length; i++) assert.ok((ofKind[i - 1] as Claim).end <= (ofKind[i] as Claim).start, `${kind} claims overlap`);
    }
    assert.ok(claims.some((c) => c.kind === 'result' && c.text.startsWith('provides 99%')));
    assert.ok(claims.some((c) => c.kind === 'scale' && c.text === '360M params'));
  });

  it('returns claims sorted by start, each trimmed and inside one sentence, for every seed abstract', () => {
    const abstracts = readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8').split('\n').filter((l) => l.length > 200);
    assert.equal(abstracts.length, 53);
    let total = 0;
    for (const abstract of abstracts) {
      const claims = extractClaims(abstract);
      total += claims.length;
      for (let i = 0; i < claims.length; i++) {
        const claim = claims[i] as Claim;
        assert.equal(abstract.slice(claim.start, claim.end), claim.text);
        assert.ok(claim.text.length > 0 && claim.text === claim.text.trim(), claim.text);
        assert.ok(abstract.includes(claim.sentence) && claim.sentence.includes(claim.text), claim.text);
        if (i > 0) assert.ok((claims[i - 1] as Claim).start <= claim.start);
      }
    }
    assert.ok(total > 100, `${total} claims`);
  }).timeout(30_000);

  it('keeps UTF-16 offsets exact after astral characters and combining marks', () => {
    const abstract = '𝔐odel 🚀 naïve — it is 3.5x faster than FlashAttention-2 on ImageNet-1K.';
    for (const claim of extractClaims(abstract)) assert.equal(abstract.slice(claim.start, claim.end), claim.text);
    assert.ok(extractClaims(abstract).some((c) => c.kind === 'speedup' && c.text === '3.5x faster than FlashAttention-2'));
  });

  it('never throws, and every claim is a valid slice of its input, for arbitrary strings', () => {
    const claimish = fc.constantFrom('5times faster', ' 93\\% accuracy', ' O(n log n) ', 'ImageNet', 'https://github.com/a/b.', ' pm ', '~', '$\\times$', ' by up to ', ' WHAM! ', 'e.g. ', ' 1.3B parameters', '. ');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(fc.oneof(claimish, fc.string({ maxLength: 12 })), { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (input) => {
        const claims = extractClaims(input);
        for (const claim of claims) {
          assert.ok(claim.start >= 0 && claim.start < claim.end && claim.end <= input.length);
          assert.equal(input.slice(claim.start, claim.end), claim.text);
          assert.ok(claim.values.every((v) => Number.isFinite(v)));
        }
        for (let i = 1; i < claims.length; i++) assert.ok((claims[i - 1] as Claim).start <= (claims[i] as Claim).start);
      }),
      { numRuns: 400 },
    );
  }).timeout(30_000);

  it('is deterministic', () => {
    const input = 'On EnWik8, TCNCA outperforms MEGA, reaching a lower loss with 1.37times/1.24times faster forward/backward pass.';
    assert.deepEqual(extractClaims(input), extractClaims(input));
  });
});
