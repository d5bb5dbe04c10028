import { strict as assert } from 'node:assert';
import { arxivIdFromEprint, arxivIdInText } from '../../../src/core/library/arxivId';

describe('arXiv ids', () => {
  const eprints: readonly [string, string | undefined][] = [
    ['2312.00752', '2312.00752'],
    ['2111.00396v3', '2111.00396'],
    ['arXiv:2405.21060', '2405.21060'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['31234567', undefined],
    ['not an id', undefined],
  ];
  for (const [eprint, expected] of eprints) {
    it(`reads eprint "${eprint}" as ${expected ?? 'no id'}`, () => {
      assert.equal(arxivIdFromEprint(eprint), expected);
    });
  }

  const texts: readonly [string, string | undefined][] = [
    ['arXiv preprint arXiv:2312.00752', '2312.00752'],
    ['https://arxiv.org/abs/2008.07669v2', '2008.07669'],
    ['https://arxiv.org/pdf/2401.09417.pdf', '2401.09417'],
    ['10.48550/ARXIV.2401.10166', '2401.10166'],
    ['Proceedings of ICML 2023', undefined],
  ];
  for (const [text, expected] of texts) {
    it(`finds ${expected ?? 'no id'} in "${text}"`, () => {
      assert.equal(arxivIdInText(text), expected);
    });
  }
});
