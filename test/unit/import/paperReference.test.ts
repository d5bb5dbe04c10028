import { strict as assert } from 'node:assert';
import { findPaperLinks, parsePaperReference, parsePaperReferences } from '../../../src/core/import/paperReference';

describe('paper references', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2312.00752', 'arxiv 2312.00752'],
    ['2312.00752v2', 'arxiv 2312.00752'],
    ['arXiv:2312.00752', 'arxiv 2312.00752'],
    ['hep-th/9901001', 'arxiv hep-th/9901001'],
    ['math.GT/0309136v1', 'arxiv math.gt/0309136'],
    ['https://arxiv.org/abs/2312.00752', 'arxiv 2312.00752'],
    ['https://arxiv.org/abs/2312.00752v2', 'arxiv 2312.00752'],
    ['http://arxiv.org/pdf/2312.00752v1.pdf', 'arxiv 2312.00752'],
    ['arxiv.org/abs/hep-th/9711200', 'arxiv hep-th/9711200'],
    ['https://export.arxiv.org/abs/2312.00752', 'arxiv 2312.00752'],
    ['10.48550/arXiv.2312.00752', 'arxiv 2312.00752'],
    ['https://doi.org/10.48550/arXiv.2312.00752', 'arxiv 2312.00752'],
    ['https://huggingface.co/papers/2312.00752', 'arxiv 2312.00752'],
    ['huggingface.co/papers/2405.21060?utm=x', 'arxiv 2405.21060'],
    ['10.1145/3530811', 'doi 10.1145/3530811'],
    ['doi:10.1145/3530811', 'doi 10.1145/3530811'],
    ['https://doi.org/10.1145/3530811', 'doi 10.1145/3530811'],
    ['https://dx.doi.org/10.1023/A:1026654312961', 'doi 10.1023/a:1026654312961'],
    ['https://doi.org/10.1002%2F%28SICI%291097', 'doi 10.1002/(sici)1097'],
    ['mamba', undefined],
    ['1234.5', undefined],
    ['https://example.org/abs/2312.00752', undefined],
    ['https://huggingface.co/state-spaces/mamba-130m', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)} as ${expected ?? 'nothing'}`, () => {
      const reference = parsePaperReference(input);
      const actual = reference === undefined ? undefined : `${reference.kind} ${reference.kind === 'arxiv' ? reference.id : reference.doi}`;
      assert.equal(actual, expected);
    });
  }

  it('reads several references pasted together, once each, and lists what it could not read', () => {
    const { references, unrecognised } = parsePaperReferences('2312.00752, arXiv:2312.00752v2\nhttps://doi.org/10.1145/3530811; nonsense');
    assert.deepEqual(references.map((r) => r.kind), ['arxiv', 'doi']);
    assert.deepEqual(unrecognised, ['nonsense']);
  });

  it('finds bare paper links in a note with their spans, without trailing punctuation', () => {
    const text = 'See https://arxiv.org/abs/2405.21060. Also (https://doi.org/10.1145/3530811) and arXiv:2312.00752 in text.';
    const links = findPaperLinks(text);
    assert.deepEqual(links.map((link) => text.slice(link.start, link.end)), ['https://arxiv.org/abs/2405.21060', 'https://doi.org/10.1145/3530811']);
  });
});
