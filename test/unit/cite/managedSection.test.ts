import { strict as assert } from 'node:assert';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { renderReferenceList, updateReferences, REFERENCES_END_MARKER as END, REFERENCES_START_MARKER as START } from '../../../src/core/cite/referencesSection';
import { applyTextEdit } from '../../../src/core/cite/textEdit';
import { mamba, s4, samplePapers, lookupIn } from './samplePapers';

const lookup = lookupIn(samplePapers);
const list = (...papers: typeof mamba[]): string => renderReferenceList(papers);

function update(text: string): string {
  const result = updateReferences(text, lookup, 'first-citation');
  assert.equal(result.problem, undefined, result.problem?.message);
  return result.edit ? applyTextEdit(text, result.edit) : text;
}

/** Notes the update must refuse, with the 1-based line it must name; each changes nothing. */
const REFUSED: ReadonlyArray<{ name: string; text: string; line: number; message: RegExp }> = [
  {
    name: 'two start markers with a paragraph between them and one end marker',
    text: `Cite [@gu2023mamba].\n\n${START}\n\nMy own paragraph, which must survive.\n\n${START}\n- old\n${END}\n`,
    line: 7,
    message: /2 references start markers \(lines 3, 7\)/,
  },
  {
    name: 'two end markers',
    text: `Cite [@gu2023mamba].\n\n${START}\n- old\n${END}\n\nMore.\n${END}\n`,
    line: 8,
    message: /2 references end markers \(lines 5, 8\)/,
  },
  {
    name: 'a paragraph between the markers',
    text: `Cite [@gu2023mamba].\n\n${START}\n- old\n\nA paragraph I wrote here.\n${END}\n`,
    line: 6,
    message: /Line 6 between the references markers is not part of the list \("A paragraph I wrote here\."\)/,
  },
  {
    name: 'an end marker before the start marker',
    text: `Cite [@gu2023mamba].\n\n${END}\n- old\n${START}\n`,
    line: 5,
    message: /no end marker/,
  },
  {
    name: 'an end marker alone',
    text: `Cite [@gu2023mamba].\n\n- old\n${END}\n`,
    line: 4,
    message: /no start marker/,
  },
];

function listItemsHolding(tree: Nodes, text: string): boolean {
  if (tree.type === 'listItem' && tree.children.some((child) => child.type === 'list' && JSON.stringify(child).includes(text))) return true;
  return 'children' in tree && tree.children.some((child) => listItemsHolding(child as Nodes, text));
}

describe('managed References section', () => {
  for (const { name, text, line, message } of REFUSED) {
    it(`refuses ${name} at line ${line} and changes nothing`, () => {
      const result = updateReferences(text, lookup, 'first-citation');
      assert.equal(result.edit, undefined);
      assert.equal(result.problem?.line, line);
      assert.match(result.problem?.message ?? '', message);
      assert.match(result.problem?.message ?? '', /Nothing was changed/);
    });
  }

  it('keeps an indented end marker\'s indentation and indents the list like the start marker', () => {
    const before = `Cite [@gu2023mamba].\n\n   ${START}\n   - old\n   ${END}\n`;
    assert.equal(update(before), `Cite [@gu2023mamba].\n\n   ${START}\n   ${list(mamba)}   ${END}\n`);
  });

  it('keeps a References list inside its list item, as CommonMark reads it', () => {
    const before = `Cite [@gu2023mamba].\n\n- Reading list\n\n  ${START}\n  - old\n  ${END}\n- Next item\n`;
    const after = update(before);
    assert.ok(after.includes(`  ${START}\n  ${list(mamba)}  ${END}\n- Next item\n`), after);
    assert.ok(listItemsHolding(fromMarkdown(after), 'Mamba: Linear-Time Sequence Modeling'), 'the references list is nested in the list item');
    assert.equal(updateReferences(after, lookup, 'first-citation').edit, undefined, 'a second run changes nothing');
  });

  it('writes CRLF line breaks into a CRLF note, and only those', () => {
    const before = `Cite [@gu2023mamba] and [@gu2021efficiently].\r\n\r\n${START}\r\n- old\r\n${END}\r\n`;
    const after = update(before);
    assert.equal(after, `Cite [@gu2023mamba] and [@gu2021efficiently].\r\n\r\n${START}\r\n${list(mamba, s4).replace(/\n/g, '\r\n')}${END}\r\n`);
    assert.equal(updateReferences(after, lookup, 'first-citation').edit, undefined);
  });

  it('appends a new section to a CRLF note with CRLF line breaks', () => {
    const after = update('Cite [@gu2023mamba].\r\n');
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
    assert.ok(after.includes(`## References\r\n\r\n${START}\r\n`));
  });

  it('finds the markers in a note with CR-only line breaks and does not add a second section', () => {
    const before = `Cite [@gu2023mamba].\r\r## References\r\r${START}\r- old\r${END}\r`;
    const after = update(before);
    assert.equal(after, `Cite [@gu2023mamba].\r\r## References\r\r${START}\r${list(mamba).replace(/\n/g, '\r')}${END}\r`);
  });

  it('fills an existing heading of a CR-only note without a second heading', () => {
    const after = update('Cite [@gu2023mamba].\r\r## References\r');
    assert.equal(after.split('## References').length, 2);
    assert.doesNotMatch(after, /\n/);
  });

  it('finds a start marker right after a byte-order mark and keeps the mark', () => {
    const before = `\uFEFF${START}\n- old\n${END}\n\nCite [@gu2023mamba].\n`;
    const after = update(before);
    assert.equal(after, `\uFEFF${START}\n${list(mamba)}${END}\n\nCite [@gu2023mamba].\n`);
  });
});
