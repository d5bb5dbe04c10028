import { strict as assert } from 'node:assert';
import { latexToUnicode } from '../../../src/core/library/latexToUnicode';

describe('latexToUnicode', () => {
  const cases: readonly [string, string, string][] = [
    ['leaves plain text alone', 'Selective State Spaces', 'Selective State Spaces'],
    ['collapses whitespace and line breaks', '  Long\n   Sequences\t here ', 'Long Sequences here'],
    ['collapses every kind of ASCII whitespace, next to LaTeX too', 'a\u000bb \r\n {\\"o}\f c', 'a b ö c'],
    ['swallows a line break after a control word', '{\\ss}\n\\ss\n x', 'ß ßx'],
    ['drops protective braces', '{{Linear-Time}} {S}equence {Modeling}', 'Linear-Time Sequence Modeling'],
    ['decodes a braced umlaut', 'P{\\"o}ppel', 'Pöppel'],
    ['decodes an acute with a braced argument', 'R\\\'{e}', 'Ré'],
    ['decodes an accent written inside braces', 'R{\\\'e}', 'Ré'],
    ['decodes a cedilla and a tilde', 'Fran{\\c{c}}ois Onta{\\~n}{\\\'o}n', 'François Ontañón'],
    ['decodes letters without accents', '{\\ss} {\\L}ukasz Przemys{\\l}aw {\\o}', 'ß Łukasz Przemysław ø'],
    ['keeps escaped specials', '91\\% \\& \\$5 \\#1 a\\_b', '91% & $5 #1 a_b'],
    ['turns dashes and quotes into typographic ones', '1--2 --- ``quoted\'\'', '1–2 — “quoted”'],
    ['turns a tie into a non-breaking space', 'Fig.~1', 'Fig.\u00a01'],
    ['keeps the text of formatting commands', '\\emph{fast} and \\textbf{bold} {\\it italic}', 'fast and bold italic'],
    ['maps Greek letters and operators in math', '$\\alpha \\leq \\mathcal{O}(L)$', 'α ≤ O(L)'],
    ['writes simple scripts as Unicode', '$O(n^2)$ and $x_{12}$', 'O(n²) and x₁₂'],
    ['keeps scripts without a Unicode form as TeX', '$L^{1.5}$', 'L^{1.5}'],
    ['writes \\times as a multiplication sign', '5$\\times$ faster', '5× faster'],
    ['keeps operator names as words', '$O(N \\log N)$', 'O(N log N)'],
    ['keeps the address of \\url and \\href', '\\url{https://x.org/a} \\href{https://y.org}{here}', 'https://x.org/a https://y.org'],
    ['keeps an unknown command visible', '\\LaTeX{} rocks', '\\LaTeX rocks'],
    ['treats a forced line break as a space', 'one\\\\two', 'one two'],
    ['survives a stray closing brace', 'a}b', 'ab'],
    ['survives an unclosed math shift', '$x^2', 'x²'],
    ['survives a trailing backslash', 'end\\', 'end\\'],
  ];
  for (const [behaviour, input, expected] of cases) {
    it(behaviour, () => {
      assert.equal(latexToUnicode(input), expected);
    });
  }

  const deep = 10_000;
  const deepCases: readonly [string, string, RegExp][] = [
    ['10,000 nested braces', `${'{'.repeat(deep)}x${'}'.repeat(deep)} y`, /^x y$/],
    ['10,000 nested command arguments', `${'\\emph{'.repeat(deep)}x${'}'.repeat(deep)} y`, /^x y$/],
    ['10,000 style switches in a row', `{${'\\it '.repeat(deep)}x} y`, /^x y$/],
    ['10,000 accents in a row', `${"\\'".repeat(deep)}e y`, /^[^\\]*é[^\\]* y$/u],
    ['10,000 nested scripts in math', `$x${'^{'.repeat(deep)}2${'}'.repeat(deep)}$ y`, /^x[^\\]*[2²][^\\]* y$/],
  ];
  for (const [nesting, input, ending] of deepCases) {
    it(`reads ${nesting} without overflowing the stack and keeps the text around them`, () => {
      const output = latexToUnicode(input);
      assert.match(output, ending, output.slice(-80));
    });
  }
});
