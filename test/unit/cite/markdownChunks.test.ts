import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { opaqueRanges, splitMarkdownChunks } from '../../../src/core/cite/markdownChunks';
import { scanCitations } from '../../../src/core/cite/scanCitations';

/** Opaque ranges from one remark parse of the whole document: what chunked parsing must reproduce. */
function wholeDocumentOpaqueRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  const visit = (node: Nodes): void => {
    if (['code', 'inlineCode', 'html', 'link', 'image', 'definition'].includes(node.type)) {
      ranges.push({ start: node.position!.start.offset!, end: node.position!.end.offset! });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(text));
  return ranges;
}

/** Blocks of the kinds notes contain, including the ones that span blank lines. */
const inline = fc.constantFrom('Prose', '[@gu2023mamba]', '@dao2024', '`@code`', '``a ` b``', '[link](https://x.org/@a)', '<https://a.b>', 'a@b.org', '\\cite{k1,k2}', '[^fn]', '*em* [@a; @b]', '<span>@x</span>');
const paragraph = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  paragraph,
  paragraph.map((p) => `- ${p}\n\n    ${p}`),
  paragraph.map((p) => `> ${p}\n> ${p}`),
  paragraph.map((p) => `\`\`\`\n${p}\n\n${p}\n\`\`\``),
  paragraph.map((p) => `~~~~\n${p}\n\`\`\`\n~~~~`),
  paragraph.map((p) => `<!-- ${p}\n\n${p} -->`),
  paragraph.map((p) => `    ${p}`),
  paragraph.map((p) => `# ${p}`),
  paragraph.map((p) => `[ref]: https://example.org/${p.length}`),
);
const documentArb = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => `${blocks.join('\n\n')}\n`);

describe('markdown chunks', function () {
  this.timeout(30_000);
  it('tile the document without gaps or overlaps', () => {
    fc.assert(fc.property(documentArb, (text) => {
      let offset = 0;
      for (const chunk of splitMarkdownChunks(text)) {
        assert.equal(chunk.start, offset);
        assert.ok(chunk.end > chunk.start);
        offset = chunk.end;
      }
      assert.equal(offset, text.length);
    }), { numRuns: 200 });
  });

  it('find the same code, HTML and link ranges as parsing the whole document', () => {
    fc.assert(fc.property(documentArb, (text) => {
      const key = (range: { start: number; end: number }): string => `${range.start}-${range.end}`;
      // A fenced or HTML block chunk may include its trailing newline; compare the covered non-newline characters.
      const covered = (ranges: ReadonlyArray<{ start: number; end: number }>): string => {
        const marks = new Array<boolean>(text.length).fill(false);
        for (const range of ranges) for (let i = range.start; i < range.end; i += 1) if (text[i] !== '\n') marks[i] = true;
        return marks.map((mark) => (mark ? '1' : '0')).join('');
      };
      assert.equal(covered(opaqueRanges(text)), covered(wholeDocumentOpaqueRanges(text)), `${text}\n${opaqueRanges(text).map(key).join(' ')}`);
    }), { numRuns: 200 });
  });

  it('give the same citations when the whole note is scanned at once as when each chunk is scanned alone', () => {
    fc.assert(fc.property(documentArb, (text) => {
      const chunkByChunk = splitMarkdownChunks(text).flatMap((chunk) =>
        scanCitations(text.slice(chunk.start, chunk.end)).map((match) => `${match.syntax}:${match.key}@${chunk.start + match.keyStart}`));
      const whole = scanCitations(text).map((match) => `${match.syntax}:${match.key}@${match.keyStart}`);
      assert.deepEqual(whole, chunkByChunk);
    }), { numRuns: 200 });
  });

  it('report citation ranges that slice back to their keys', () => {
    fc.assert(fc.property(documentArb, (text) => {
      for (const match of scanCitations(text)) {
        assert.equal(text.slice(match.keyStart, match.keyEnd), match.key);
        assert.ok(match.start <= match.keyStart && match.keyEnd <= match.end);
      }
    }), { numRuns: 200 });
  });
});
