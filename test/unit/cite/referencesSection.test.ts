import { strict as assert } from 'node:assert';
import { updateReferences, renderReferenceList, REFERENCES_START_MARKER as START, REFERENCES_END_MARKER as END } from '../../../src/core/cite/referencesSection';
import { applyTextEdit } from '../../../src/core/cite/textEdit';
import type { ReferenceOrder } from '../../../src/core/cite/citationStyle';
import { mamba, s4, linear, samplePapers, lookupIn } from './samplePapers';

const lookup = lookupIn(samplePapers);
const list = (...papers: typeof mamba[]): string => renderReferenceList(papers);

function update(text: string, order: ReferenceOrder = 'first-citation'): string {
  const result = updateReferences(text, lookup, order);
  return result.edit ? applyTextEdit(text, result.edit) : text;
}

const cases: ReadonlyArray<{ name: string; before: string; after: string; order?: ReferenceOrder }> = [
  {
    name: 'appends a References heading and a managed list when the note has neither',
    before: 'Mamba [@gu2023mamba] builds on S4 [@gu2021efficiently].\n',
    after: `Mamba [@gu2023mamba] builds on S4 [@gu2021efficiently].\n\n## References\n\n${START}\n${list(mamba, s4)}${END}\n`,
  },
  {
    name: 'orders alphabetically by key when asked',
    before: 'Mamba [@gu2023mamba] builds on S4 [@gu2021efficiently].',
    after: `Mamba [@gu2023mamba] builds on S4 [@gu2021efficiently].\n\n## References\n\n${START}\n${list(s4, mamba)}${END}\n`,
    order: 'alphabetical',
  },
  {
    name: 'fills an existing References heading without touching the text under it',
    before: 'See \\cite{katharopoulos2020transformers}.\n\n## References\n\nHand-written entry.\n',
    after: `See \\cite{katharopoulos2020transformers}.\n\n## References\n\n${START}\n${list(linear)}${END}\n\nHand-written entry.\n`,
  },
  {
    name: 'replaces only the list between the markers',
    before: `Intro @gu2021efficiently and [@gu2023mamba].\n\n## References\n\n${START}\n- stale entry\n${END}\n\nAppendix [^note].\n`,
    after: `Intro @gu2021efficiently and [@gu2023mamba].\n\n## References\n\n${START}\n${list(s4, mamba)}${END}\n\nAppendix [^note].\n`,
  },
  {
    name: 'empties the managed list when nothing is cited any more',
    before: `No citations.\n\n## References\n\n${START}\n- stale entry\n${END}\n`,
    after: `No citations.\n\n## References\n\n${START}\n${END}\n`,
  },
  {
    name: 'changes nothing when the note cites nothing and has no section',
    before: 'Just prose, an e-mail a@b.org and `@code`.\n',
    after: 'Just prose, an e-mail a@b.org and `@code`.\n',
  },
  {
    name: 'ignores citations inside code blocks',
    before: 'Real [@gu2023mamba].\n\n```\n[@gu2021efficiently]\n```\n',
    after: `Real [@gu2023mamba].\n\n\`\`\`\n[@gu2021efficiently]\n\`\`\`\n\n## References\n\n${START}\n${list(mamba)}${END}\n`,
  },
  {
    name: 'counts footnote references that name a known paper',
    before: 'Claim[^gu2023mamba] and a plain footnote[^1].\n\n[^1]: Mine.\n',
    after: `Claim[^gu2023mamba] and a plain footnote[^1].\n\n[^1]: Mine.\n\n## References\n\n${START}\n${list(mamba)}${END}\n`,
  },
];

describe('updateReferences', () => {
  for (const { name, before, after, order } of cases) {
    it(name, () => assert.equal(update(before, order), after));
    it(`${name} — and a second run changes nothing`, () => {
      const once = update(before, order);
      assert.equal(updateReferences(once, lookup, order ?? 'first-citation').edit, undefined);
    });
  }

  it('makes one edit that covers only the list when markers exist', () => {
    const text = `A [@gu2023mamba].\n\n${START}\n- old\n${END}\n`;
    const { edit } = updateReferences(text, lookup, 'first-citation');
    assert.ok(edit);
    assert.equal(text.slice(edit.start, edit.end), '- old\n');
  });

  it('reports unknown keys but not unknown footnotes', () => {
    const result = updateReferences('[@nope; @gu2023mamba] \\cite{missing} [^1]', lookup, 'first-citation');
    assert.deepEqual(result.unknownKeys, ['nope', 'missing']);
    assert.deepEqual(result.cited.map((paper) => paper.key), ['gu2023mamba']);
  });

  it('reports a start marker without an end marker as a problem with its line and edits nothing', () => {
    const result = updateReferences(`Text [@gu2023mamba]\n\n${START}\n- x\n`, lookup, 'first-citation');
    assert.equal(result.edit, undefined);
    assert.equal(result.problem?.line, 3);
    assert.match(result.problem?.message ?? '', /end marker/);
  });

  it('does not treat markers shown inside a code block as the managed section', () => {
    const text = `Cite [@gu2023mamba].\n\n\`\`\`\n${START}\n${END}\n\`\`\`\n`;
    const after = update(text);
    assert.ok(after.startsWith(text), 'the code block stays as it was');
    assert.ok(after.endsWith(`## References\n\n${START}\n${list(mamba)}${END}\n`));
  });
});
