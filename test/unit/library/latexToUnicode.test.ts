import { strict as assert } from 'node:assert';
import { parseMacroDefinitions } from '../../../src/core/library/latexMacros';
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
    ['turns TeX single quotes into typographic ones', "A digital `quill' for {\\em `Hey---it works!'}", 'A digital ‘quill’ for ‘Hey—it works!’'],
    ['keeps an apostrophe when the value has no opening single quote', "O'Brien's book", "O'Brien's book"],
    ['keeps the text of formatting commands', '\\emph{fast} and \\textbf{bold} {\\it italic}', 'fast and bold italic'],
    ['maps Greek letters and operators in math', '$\\alpha \\leq \\mathcal{O}(L)$', 'α ≤ O(L)'],
    ['writes simple scripts as Unicode', '$O(n^2)$ and $x_{12}$', 'O(n²) and x₁₂'],
    ['keeps scripts without a Unicode form as TeX', '$L^{1.5}$', 'L^{1.5}'],
    ['writes \\times as a multiplication sign', '5$\\times$ faster', '5× faster'],
    ['keeps operator names as words', '$O(N \\log N)$', 'O(N log N)'],
    ['keeps the address of \\url and \\href', '\\url{https://x.org/a} \\href{https://y.org}{here}', 'https://x.org/a https://y.org'],
    ['writes TeX logos as their names', '\\TeX, \\LaTeX{} and \\BibTeX, \\AmS-\\LaTeX, \\METAFONT, {\\MF}, \\LaTeXe', 'TeX, LaTeX and BibTeX, AMS-LaTeX, METAFONT, METAFONT, LaTeX2ε'],
    ['writes a hologo logo as its name', 'The \\hologo{LuaTeX} Reference', 'The LuaTeX Reference'],
    ['joins a logo to the word it is braced against', 'Die {\\TeX}nische Kom{\\"o}die', 'Die TeXnische Komödie'],
    ['expands the dash and slash macros bibliographies use', 'Colophon\\emdash Adobe and ACM\\slash SIGGRAPH', 'Colophon—Adobe and ACM/SIGGRAPH'],
    ['drops discretionary hyphens and kerning', 'fran\\c{c}\\-aise X\\kern-.25em Y\\penalty0\\spacefactor1000 Z', 'française XYZ'],
    ['decodes the Scandinavian ring letters', '{\\AA}str{\\"o}m and G{\\aa}rding', 'Åström and Gårding'],
    ['writes tugboat.def ordinals', 'The \\nth{21}, \\nth{12} and \\nth{3} Annual Meetings', 'The 21st, 12th and 3rd Annual Meetings'],
    ['spaces inline math like the words around it', 'for $ 5 \\times 7 $ Dot', 'for 5 × 7 Dot'],
    ['maps a math symbol written outside math', '60\\times{} faster', '60× faster'],
    ['keeps the argument of an unknown command and drops its name', 'A \\foo{bar} and \\baz', 'A bar and'],
    ['keeps the text of \\path with any delimiter', 'e-mail: \\path|me@x.org|', 'e-mail: me@x.org'],
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

describe('latexToUnicode with a file\'s @preamble macros', () => {
  const preamble = String.raw`
    \ifx \undefined \booktitle \def \booktitle #1{{{\em #1}}} \fi
    \def\emdash{---}
    \newcommand{\noopsort}[1]{}
    \newcommand{\switchargs}[2]{#2#1}
    \providecommand\greet[1][World]{Hello, #1}
    \ifx \undefined \ssf \let \ssf = \sf \fi
    \font\manfnt=logo10
    \def \MP {{\manfnt META}\-{\manfnt POST}\spacefactor1000 }
    \def\loop{\loop\loop}
    \def \toenglish #1\endtoenglish{[{\em English:} #1\unskip]}
  `;
  const macros = parseMacroDefinitions(preamble);
  const cases: readonly [string, string, string][] = [
    ['expands a \\def with an argument', 'Book Review: \\booktitle{Notes on Type}', 'Book Review: Notes on Type'],
    ['expands a \\def without arguments', 'Colophon\\emdash News', 'Colophon—News'],
    ['expands a \\newcommand that drops its argument', '{\\noopsort{1983}}Title', 'Title'],
    ['expands a \\newcommand with two arguments in its order', '\\switchargs{b}{a}', 'ab'],
    ['uses the default of an optional argument', '\\greet{} and \\greet[you]', 'Hello, World and Hello, you'],
    ['follows \\let to a style switch', '{\\ssf Sans} text', 'Sans text'],
    ['treats a \\font as a switch that shows nothing', '\\MP{} and {\\manfnt X}', 'METAPOST and X'],
    ['stops a macro that expands itself forever', 'a \\loop b', 'a b'],
    ['expands a \\def whose argument ends at a delimiter', 'Ein Buch \\toenglish A book\\endtoenglish', 'Ein Buch [English: A book]'],
    ['leaves a delimited macro without its delimiter empty-handed, not the rest of the value', 'a \\toenglish b', 'a [English: ]b'],
  ];
  for (const [behaviour, input, expected] of cases) {
    it(behaviour, () => {
      assert.equal(latexToUnicode(input, { macros }), expected);
    });
  }

  it('bounds a macro that copies its argument, nested deeply, instead of growing the text exponentially', () => {
    const copying = parseMacroDefinitions('\\def\\eight#1{#1#1#1#1#1#1#1#1}');
    const input = `${'\\eight{'.repeat(30)}${'x'.repeat(20_000)}${'}'.repeat(30)}`;
    const output = latexToUnicode(input, { macros: copying });
    assert.ok(output.length <= 200_000, `${output.length} characters`);
    assert.match(output, /^x*$/);
  });

  it('reads a hostile preamble of 20,000 definitions that never close in one pass, and the good one after them', () => {
    const hostile = `${'\\def\\a{'.repeat(10_000)}${'\\newcommand\\b[1]['.repeat(10_000)} \\def\\good{Good}`;
    const parsed = parseMacroDefinitions(hostile);
    assert.equal(latexToUnicode('\\good', { macros: parsed }), 'Good');
  });

  it('leaves out a definition whose parameter text starts with a delimiter', () => {
    assert.equal(parseMacroDefinitions('\\def\\pair(#1,#2){#1 and #2}').has('pair'), false);
  });

  it('names each command it did not know, once per use', () => {
    const unknown: string[] = [];
    latexToUnicode('\\foo{a} \\booktitle{b} \\bar \\foo', { macros, onUnknownCommand: (name) => unknown.push(name) });
    assert.deepEqual(unknown, ['foo', 'bar', 'foo']);
  });
});
