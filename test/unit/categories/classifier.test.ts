import { strict as assert } from 'node:assert';
import type { CategoryId } from '../../../src/core/categories/category';
import { applyPin, readCategoryPins } from '../../../src/core/categories/categoryPins';
import { createClassifier, DEFAULT_TAXONOMY } from '../../../src/core/categories/classifier';

const ALL_IDS: CategoryId[] = [
  'state-space-models', 'linear-attention', 'efficient-attention', 'recurrent-convolutional', 'memory-recurrence-transformers',
  'systems-efficiency', 'theory-expressivity', 'language', 'vision', 'speech-audio', 'time-series', 'graphs', 'medical',
  'recommendation', 'point-clouds-3d', 'spatiotemporal-video', 'survey', 'method',
];

const classifier = createClassifier();
const ids = (title: string, abstract: string) => classifier.classify({ title, abstract }).map((a) => a.id);

describe('category classifier', () => {
  it('has exactly one taxonomy entry per category id', () => {
    assert.deepEqual(DEFAULT_TAXONOMY.categories.map((c) => c.id).sort(), [...ALL_IDS].sort());
  });

  // Unseen abstracts written for these tests: the taxonomy must generalise beyond the seed.
  const cases: Array<{ name: string; title: string; abstract: string; includes: CategoryId[]; excludes?: CategoryId[] }> = [
    { name: 'files a selective state space model for audio under SSMs and speech',
      title: 'SaShiMi-2: Selective SSMs for Raw Audio Generation',
      abstract: 'We build on structured state space models (S4) and Mamba to generate raw audio waveforms. Our SSM backbone models speech and music at 16 kHz.',
      includes: ['state-space-models', 'speech-audio', 'method'] },
    { name: 'files a RetNet-style vision backbone under linear attention and vision',
      title: 'Retentive Vision Backbones',
      abstract: 'We propose a vision backbone built from retention layers with a recurrent formulation and linear complexity. On ImageNet classification and COCO object detection it matches ViT baselines.',
      includes: ['linear-attention', 'vision'] },
    { name: 'counts a linear RNN as a linear RNN and not as a plain RNN',
      title: 'Linear RNNs for Long Sequences',
      abstract: 'We study linear RNNs with diagonal recurrences. Linear RNNs train in parallel.',
      includes: ['linear-attention'], excludes: ['recurrent-convolutional'] },
    { name: 'files a sparse-attention forecaster under efficient attention and time series',
      title: 'Sparse Attention for Multivariate Forecasting',
      abstract: 'Transformers have quadratic complexity in the lookback window. We introduce a sparse attention pattern for multivariate time series forecasting of electricity and traffic.',
      includes: ['efficient-attention', 'time-series'] },
    { name: 'recognises a survey and does not also call it a method',
      title: 'A Survey of Linear Attention',
      abstract: 'This survey reviews linear attention, linear transformers and their kernels. We propose a taxonomy.',
      includes: ['survey', 'linear-attention'], excludes: ['method'] },
    { name: 'files a graph transformer with message passing under graphs',
      title: 'Scalable Graph Transformers',
      abstract: 'Message passing neural networks suffer from over-squashing. We propose a graph transformer for node classification on large graphs.',
      includes: ['graphs'] },
    { name: 'files a point cloud detector under 3D and point clouds',
      title: 'Voxel Mamba for LiDAR Detection',
      abstract: 'We present a serialization of point clouds for 3D object detection on Waymo and nuScenes with a state space model.',
      includes: ['point-clouds-3d', 'state-space-models'] },
    { name: 'files an expressivity result under theory',
      title: 'The Expressive Power of Transformers with Chain of Thought',
      abstract: 'We prove that transformers with intermediate steps can recognise every regular language, while without them they are limited to a small circuit complexity class.',
      includes: ['theory-expressivity'] },
    { name: 'files a KV cache quantization paper under systems efficiency and language',
      title: 'KV Cache Quantization for Large Language Models',
      abstract: 'We quantize the KV cache of large language models to 2 bits with fused CUDA kernels, raising inference throughput 3x with no loss in perplexity.',
      includes: ['systems-efficiency', 'language'] },
    { name: 'files a recommender with user behaviour sequences under recommendation',
      title: 'Mamba for Sequential Recommendation',
      abstract: 'We model user behavior sequences for sequential recommendation with selective state space models and beat SASRec.',
      includes: ['recommendation', 'state-space-models'] },
    { name: 'files a segment-level recurrent memory transformer under memory and recurrence',
      title: 'Recurrent Memory Transformer',
      abstract: 'We add memory tokens and segment-level recurrence to a Transformer so that it can memorize information across segments.',
      includes: ['memory-recurrence-transformers'] },
    { name: 'files an MRI model under medical',
      title: 'Mamba for Accelerated MRI',
      abstract: 'We reconstruct undersampled magnetic resonance images from k-space with a state space model, improving clinical image quality.',
      includes: ['medical'] },
    { name: 'files video prediction under spatiotemporal and video',
      title: 'Video Prediction with ConvLSTMs',
      abstract: 'We predict future frames of spatiotemporal sequences on Moving MNIST with convolutional LSTMs.',
      includes: ['spatiotemporal-video', 'recurrent-convolutional'] },
    { name: 'does not file a paper under language for a passing mention of NLP',
      title: 'Mask Transformers for Panoptic Segmentation',
      abstract: 'Transformers originated in NLP. We propose a mask transformer for panoptic segmentation of images on COCO.',
      includes: ['vision'], excludes: ['language'] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const got = ids(testCase.title, testCase.abstract);
      for (const id of testCase.includes) assert.ok(got.includes(id), `${id} missing from ${got.join(', ')}`);
      for (const id of testCase.excludes ?? []) assert.ok(!got.includes(id), `${id} unexpected in ${got.join(', ')}`);
    });
  }

  it('explains each assignment with the matched terms, their field and count', () => {
    const [ssm] = classifier.classify({ title: 'Mamba', abstract: 'Mamba is a state space model. Mamba is fast.' })
      .filter((a) => a.id === 'state-space-models');
    assert.deepEqual(
      ssm.evidence.map((e) => [e.term, e.field, e.count]).sort(),
      [['mamba', 'abstract', 2], ['mamba', 'title', 1], ['state space model', 'abstract', 1]],
    );
    // Title x2; both abstract sentences come before any own-work sentence, so they count as background (x0.5).
    assert.equal(ssm.score, Math.round(3 * 2 * 1 + (3 * 2 + 3 * 1) * 0.5));
  });

  it('gives every paper exactly one type, falling back to method', () => {
    for (const got of [ids('Untitled', ''), ids('A Survey of Mamba', 'This survey covers state space models.')]) {
      assert.equal(got.filter((id) => id === 'survey' || id === 'method').length, 1, got.join(', '));
    }
  });
});

describe('category pins', () => {
  it('reads pins by key and reports unknown categories with their line', () => {
    const text = '{\n  "gu2023mamba": ["vision", "state-space-models"],\n  "x2020y": ["nonsense"]\n}';
    const result = readCategoryPins(text, '.papernotes/categories.json');
    assert.deepEqual(result.pins.get('gu2023mamba'), ['vision', 'state-space-models']);
    assert.deepEqual(result.pins.get('x2020y'), []);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0].line, 3);
  });

  it('reports a pins file that is not JSON instead of throwing', () => {
    const result = readCategoryPins('{ nope', 'p.json');
    assert.equal(result.pins.size, 0);
    assert.equal(result.diagnostics[0].severity, 'error');
  });

  it('replaces the facets a pin names and keeps the others', () => {
    const auto = classifier.classify({ title: 'Mamba for Speech', abstract: 'A selective state space model for speech recognition.' });
    const pinned = applyPin(auto, ['vision'], 'pins.json');
    const got = pinned.map((a) => a.id);
    assert.ok(got.includes('vision') && !got.includes('speech-audio'), got.join(', '));
    assert.ok(got.includes('state-space-models'), got.join(', '));
    assert.deepEqual(pinned.find((a) => a.id === 'vision')?.evidence, [{ term: 'pins.json', field: 'pin', count: 1, weight: 0 }]);
  });
});
