import { strict as assert } from 'node:assert';
import type { CategoryId } from '../../../src/core/categories/category';
import { createClassifier, ownModelName } from '../../../src/core/categories/classifier';
import { Mark, WordTable } from '../../../src/core/categories/wordTable';

const classifier = createClassifier();
const ids = (title: string, abstract: string) => classifier.classify({ title, abstract }).map((a) => a.id);

describe('category classifier reading terms in context', () => {
  // Unseen abstracts written for these tests; each pairs what must be filed with what must not.
  const cases: Array<{ name: string; title: string; abstract: string; includes: CategoryId[]; excludes: CategoryId[] }> = [
    { name: 'does not file a paper under the families it only outperforms',
      title: 'Gated Delta Attention',
      abstract: 'We propose a gated linear attention layer with a delta rule. It outperforms Mamba and other state space models, and is faster than LSTMs.',
      includes: ['linear-attention'], excludes: ['state-space-models', 'recurrent-convolutional'] },
    { name: 'does not file a method paper under the families it lists as examples of prior work',
      title: 'Selective Scans',
      abstract: 'Subquadratic models such as linear attention, gated convolutions and RNNs lag behind attention. We propose a selective state space model (SSM) whose SSM parameters depend on the input.',
      includes: ['state-space-models'], excludes: ['linear-attention', 'recurrent-convolutional'] },
    { name: 'ends a fronted contrast at its comma and counts what follows',
      title: 'A Layer for Long Inputs',
      abstract: 'Instead of sparse attention, we present a linear attention layer with linear complexity and a recurrent formulation.',
      includes: ['linear-attention'], excludes: ['efficient-attention'] },
    { name: 'ignores a term negated by "-free"',
      title: 'Sequence Models Without Recurrence',
      abstract: 'We propose an RNN-free and LSTM-free sequence model built on structured state space models.',
      includes: ['state-space-models'], excludes: ['recurrent-convolutional'] },
    { name: 'drops a weak secondary family far below the paper\'s main one',
      title: 'Selective State Space Models for Long Sequences',
      abstract: 'We propose a selective state space model. Our SSM uses a parallel scan and a HiPPO initialisation; the SSM runs on a GPU with low latency.',
      includes: ['state-space-models'], excludes: ['systems-efficiency'] },
    { name: 'keeps a family the title names outright even beside a stronger one',
      title: 'Linear Attention with Fused CUDA Kernels',
      abstract: 'We write fused CUDA kernels and Triton kernels for tensor cores, with hardware-aware tiling that raises inference throughput on every GPU and cuts latency and memory footprint.',
      includes: ['systems-efficiency', 'linear-attention'], excludes: [] },
    { name: 'does not file a paper under a domain named only as background before its own contribution',
      title: 'Separating Voices with State Spaces',
      abstract: 'Transformers dominate natural language processing and computer vision. We propose a state space model for monaural speech separation on WSJ0-2mix.',
      includes: ['speech-audio'], excludes: ['language', 'vision'] },
    { name: 'counts a survey\'s examples as its subject but not the models it contrasts with',
      title: 'Efficient Transformers: A Survey',
      abstract: 'Unlike RNNs and LSTMs, transformers model long dependencies. This survey reviews efficient transformers such as sparse attention, sliding window attention, linear attention and kernelized attention.',
      includes: ['survey', 'efficient-attention', 'linear-attention'], excludes: ['recurrent-convolutional', 'method'] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const got = ids(testCase.title, testCase.abstract);
      for (const id of testCase.includes) assert.ok(got.includes(id), `${id} missing from ${got.join(', ')}`);
      for (const id of testCase.excludes) assert.ok(!got.includes(id), `${id} unexpected in ${got.join(', ')}`);
    });
  }

  it('weighs a sentence naming the title\'s model as the paper\'s own work', () => {
    const abstract = 'Long sequences are hard. Sonar reaches state of the art on audio.';
    assert.ok(ids('Sonar: Long Sequences Made Easy', abstract).includes('speech-audio'));
    assert.ok(!ids('Long Sequences Made Easy', abstract).includes('speech-audio'));
  });

  it('weighs a term in the title more than the same term in the abstract', () => {
    const inTitle = classifier.classify({ title: 'Sparse Attention', abstract: 'We study it.' });
    const inAbstract = classifier.classify({ title: 'A Study', abstract: 'We study sparse attention.' });
    const score = (assignments: typeof inTitle) => assignments.find((a) => a.id === 'efficient-attention')?.score ?? 0;
    assert.ok(score(inTitle) > score(inAbstract), `${score(inTitle)} vs ${score(inAbstract)}`);
  });

  it('explains a fallback type with a default evidence that says why, never with none', () => {
    const [type] = classifier.classify({ title: 'Untitled', abstract: 'Nothing here.' }).filter((a) => a.facet === 'type');
    assert.equal(type.id, 'method');
    assert.deepEqual(type.evidence.map((e) => [e.field, e.count]), [['default', 0]]);
    assert.match(type.evidence[0].term, /no survey/);
  });

  it('gives every assignment at least one piece of evidence', () => {
    const assignments = classifier.classify({
      title: 'Mamba: Selective State Spaces',
      abstract: 'We propose Mamba for language modeling. Mamba outperforms Transformers such as GPT on WikiText and audio.',
    });
    for (const a of assignments) assert.ok(a.evidence.length > 0, a.id);
  });
});

describe('own model name', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces', 'mamba'],
    ['kMaX-DeepLab: k-means Mask Transformer', 'kmax'],
    ['Titans: Learning to Memorize at Test Time', 'titan'],
    ['Best of Both Worlds: Advantages of Hybrid Graph Sequence Models', undefined],
    ['Attention as an RNN', undefined],
  ];
  for (const [title, want] of cases) {
    it(`reads ${JSON.stringify(want)} from "${title}"`, () => assert.equal(ownModelName(title), want));
  }
});

describe('word table marks', () => {
  const table = new WordTable();
  const mamba = table.add('mamba');
  const cases: Array<{ name: string; text: string; want: number[] }> = [
    { name: 'ends sentences at a full stop before a space or the end', text: 'mamba. mamba.', want: [mamba, Mark.sentenceEnd, mamba, Mark.sentenceEnd] },
    { name: 'does not end a sentence at "e.g." or "et al."', text: 'x (e.g., mamba) et al. mamba',
      want: [-1, Mark.openParen, -1, -1, Mark.comma, mamba, Mark.closeParen, -1, -1, mamba] },
    { name: 'does not end a sentence at a decimal point', text: '1.3B mamba', want: [-1, -1, mamba] },
    { name: 'reports semicolons and commas as clause marks', text: 'mamba; mamba, x', want: [mamba, Mark.clauseEnd, mamba, Mark.comma, -1] },
  ];
  for (const { name, text, want } of cases) {
    it(name, () => {
      const out: number[] = [];
      table.scan(text, out, { marks: true });
      assert.deepEqual(out, want);
    });
  }

  it('marks the per-call name word just before its id, plural folded', () => {
    const out: number[] = [];
    table.scan('Mambas and titans', out, { marks: true, name: 'titan' });
    assert.deepEqual(out, [mamba, -1, Mark.name, -1]);
  });
});
