import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedFields, parseBibtex, readBibtex, type BibtexEntry } from '../../../src/core/library/bibtexReader';

function onlyRecord(text: string) {
  const { records, diagnostics } = readBibtex(text, 'refs.bib');
  assert.equal(records.length, 1, JSON.stringify(diagnostics));
  return records[0];
}

describe('BibTeX reader', () => {
  describe('fields', () => {
    it('keeps the entry\'s own citation key and its line', () => {
      const record = onlyRecord('\n\n@article{gu2023mamba,\n title = {Mamba}}');
      assert.equal(record.key, 'gu2023mamba');
      assert.deepEqual(record.source, { file: 'refs.bib', line: 3 });
    });

    it('expands @string macros, case-insensitively, and # concatenation', () => {
      const record = onlyRecord('@String{ICML = "Machine Learning"}\n@inproceedings{k, title = {T}, booktitle = "Proc. " # icml # { 2023}}');
      assert.equal(record.venue, 'Proc. Machine Learning 2023');
    });

    it('reads quoted values with braces inside and bare numbers', () => {
      const record = onlyRecord('@article{k, title = "The {S4} model: ``{\\"u}ber\'\'", year = 2022}');
      assert.equal(record.title, 'The S4 model: “über”');
      assert.equal(record.year, 2022);
    });

    it('accepts parentheses as entry delimiters and a trailing comma', () => {
      assert.equal(onlyRecord('@article(k, title = {T},)').title, 'T');
    });

    it('joins title and subtitle', () => {
      assert.equal(onlyRecord('@article{k, title = {Mamba}, subtitle = {Selective SSMs}}').title, 'Mamba: Selective SSMs');
    });

    it('takes the year from a biblatex date when there is no year', () => {
      assert.equal(onlyRecord('@article{k, title = {T}, date = {2024-05-31}}').year, 2024);
    });

    const authorCases: readonly [string, string, string[]][] = [
      ['turns "Last, First" into "First Last"', 'Gu, Albert and Dao, Tri', ['Albert Gu', 'Tri Dao']],
      ['keeps "First Last" as written', 'Albert Gu and Tri Dao', ['Albert Gu', 'Tri Dao']],
      ['keeps a braced organisation whole, even with "and" inside', '{Research and Development Team} and Gu, Albert', ['Research and Development Team', 'Albert Gu']],
      ['keeps particles and suffixes', 'von Neumann, John and Smith, Jr., Bob', ['John von Neumann', 'Bob Smith Jr.']],
      ['decodes accents in names', 'R{\\\'e}, Christopher and Koco{\\\'n}, Jan', ['Christopher Ré', 'Jan Kocoń']],
      ['drops "others" (et al.)', 'Gu, Albert and others', ['Albert Gu']],
      ['splits on "and" across line breaks and in any case', 'Albert Gu\n    AND Tri Dao', ['Albert Gu', 'Tri Dao']],
    ];
    for (const [behaviour, author, expected] of authorCases) {
      it(`authors: ${behaviour}`, () => {
        assert.deepEqual(onlyRecord(`@article{k, title = {T}, author = {${author}}}`).authors, expected);
      });
    }

    const arxivCases: readonly [string, string, string | undefined][] = [
      ['eprint with archivePrefix', 'eprint = {2312.00752}, archivePrefix = {arXiv}', '2312.00752'],
      ['biblatex eprinttype', 'eprint = {2401.10166}, eprinttype = {arxiv}', '2401.10166'],
      ['Google Scholar journal', 'journal = {arXiv preprint arXiv:2009.14794}', '2009.14794'],
      ['an arXiv URL with version', 'url = {https://arxiv.org/abs/2008.07669v2}', '2008.07669'],
      ['an arXiv DOI', 'doi = {10.48550/arXiv.2405.21060}', '2405.21060'],
      ['nothing arXiv-like', 'journal = {Neurocomputing}', undefined],
    ];
    for (const [source, fields, expected] of arxivCases) {
      it(`finds the arXiv id from ${source}`, () => {
        assert.equal(onlyRecord(`@article{k, title = {T}, ${fields}}`).arxivId, expected);
      });
    }

    it('collects code URLs from code fields and GitHub links in notes, without trailing punctuation', () => {
      const record = onlyRecord('@article{k, title = {T}, code = {https://github.com/a/b}, note = {Code at https://github.com/c/d_e.}}');
      assert.deepEqual(record.codeUrls, ['https://github.com/a/b', 'https://github.com/c/d_e']);
    });

    it('stores a DOI without its resolver prefix', () => {
      assert.equal(onlyRecord('@article{k, title = {T}, doi = {https://doi.org/10.18653/v1/2023.findings-emnlp.936}}').doi, '10.18653/v1/2023.findings-emnlp.936');
    });

    it('inherits fields through crossref, the proceedings title becoming the venue, and lists the proceedings too', () => {
      const { records } = readBibtex(
        '@inproceedings{child, title = {GLA}, crossref = {proc}}\n@proceedings{proc, title = {Proceedings of ICML 2024}, year = 2024}',
        'refs.bib',
      );
      assert.deepEqual(
        records.map((record) => [record.key, record.title, record.venue, record.year]),
        [['child', 'GLA', 'Proceedings of ICML 2024', 2024], ['proc', 'Proceedings of ICML 2024', undefined, 2024]],
      );
    });

    it('inherits from a crossref parent that is an ordinary entry, which stays a paper too', () => {
      const { records, diagnostics } = readBibtex(
        '@article{child, title = {Child}, crossref = {parent}}\n@misc{parent, title = {Parent}, year = 2021, journal = {J}}',
        'refs.bib',
      );
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(records.map((record) => [record.key, record.year, record.venue]), [['child', 2021, 'J'], ['parent', 2021, 'J']]);
    });

    it('warns about a crossref to a key the file does not have', () => {
      const { records, diagnostics } = readBibtex('@article{child, title = {Child}, crossref = {missing}}', 'refs.bib');
      assert.equal(records.length, 1);
      assert.match(diagnostics[0].message, /crossref "missing" is not in this file/);
    });
  });

  describe('comments and non-entries', () => {
    it('ignores @comment, @preamble, % comments and text between entries', () => {
      const text = [
        'Some notes before the entries.',
        '% a comment with an @ in it: me@example.org',
        '@comment{ {nested} braces, and an @article{fake, title={no}} inside }',
        '@preamble{ "\\newcommand{\\x}{y}" }',
        '@article{real,',
        '  % a comment between fields',
        '  title = {Real}',
        '}',
      ].join('\n');
      const { records, diagnostics } = readBibtex(text, 'refs.bib');
      assert.deepEqual(records.map((record) => record.key), ['real']);
      assert.deepEqual(diagnostics, []);
    });
  });

  describe('malformed input', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'bib', 'malformed.bib'), 'utf8');
    const { records, diagnostics } = readBibtex(text, 'malformed.bib');

    it('keeps every good entry', () => {
      assert.deepEqual(records.map((record) => record.key), ['good1', 'good2', 'good3', 'good4']);
    });

    const expectedProblems: readonly [number, string, RegExp][] = [
      [9, 'error', /Entry "unbalanced": field "title" has unbalanced braces; its value runs past the end of the entry/],
      [18, 'error', /@inproceedings entry has no citation key/],
      [31, 'error', /Entry "badfield": expected "=" after field "year", found ":"/],
      [34, 'warning', /unknown @string macro "unknownmacro"/],
      [37, 'error', /Entry "unterminated", field "title": value is not closed .* before the end of the file/],
    ];
    it('reports each problem once, at its file and line', () => {
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.severity]),
        expectedProblems.map(([line, severity]) => ['malformed.bib', line, severity]),
      );
    });
    for (const [line, severity, message] of expectedProblems) {
      it(`says what is wrong at line ${line} (${severity})`, () => {
        const diagnostic = diagnostics.find((candidate) => candidate.line === line);
        assert.ok(diagnostic && message.test(diagnostic.message), diagnostic?.message);
      });
    }

    it('stops a value that never closes at the next entry, which still loads', () => {
      const result = readBibtex('@article{a,\n  title = {Open {brace},\n  year = 2020\n\n@article{b, title = {B}}', 'refs.bib');
      assert.deepEqual(result.records.map((record) => record.key), ['b']);
      assert.deepEqual(result.diagnostics.map((diagnostic) => diagnostic.line), [2]);
      assert.match(result.diagnostics[0].message, /value is not closed \(unbalanced braces\) before the next entry/);
    });

    it('lists an entry with nothing to show it by under its key, with a warning', () => {
      const result = readBibtex('@misc{notitle, author = {X}}', 'refs.bib');
      assert.deepEqual(result.records.map((record) => [record.key, record.title, record.authors]), [['notitle', 'notitle', ['X']]]);
      assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.severity]), [[1, 'warning']]);
      assert.match(result.diagnostics[0].message, /"notitle" has no title, container, note, shorthand or URL, so it is listed by its key/);
    });

    it('warns about a citation key used twice, and keeps both entries', () => {
      const result = readBibtex('@misc{k, title = {A}}\n@misc{k, title = {B}}', 'refs.bib');
      assert.equal(result.records.length, 2);
      assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.severity]), [[2, 'warning']]);
    });
  });

  describe('every citable entry', () => {
    const typeCases: readonly [string, string][] = [
      ['book', '@Book{Malkhi:2019:CWL, editor = {Dahlia Malkhi}, title = "Concurrency: the Works of {Leslie Lamport}", year = 2019}'],
      ['proceedings', '@proceedings{icml24, title = {Proceedings of ICML 2024}, year = 2024}'],
      ['collection', '@collection{coll, editor = {E. Ditor}, title = {A Collection}}'],
      ['phdthesis', '@phdthesis{thesis, author = {A. Student}, title = {A Thesis}, school = {U}}'],
      ['techreport', '@techreport{report, author = {A. Author}, title = {A Report}, institution = {Lab}}'],
      ['manual', '@manual{man, title = {A Manual}}'],
      ['online', '@online{site, title = {A Site}, url = {https://example.org}}'],
      ['an unknown type', '@webpage{page, title = {A Page}}'],
    ];
    for (const [type, text] of typeCases) {
      it(`lists a ${type} entry as a paper under its own key`, () => {
        const { records, diagnostics } = readBibtex(text, 'refs.bib');
        assert.deepEqual(diagnostics, []);
        assert.equal(records.length, 1);
        assert.equal(records[0].key, /\{([^,]+),/.exec(text)?.[1]);
      });
    }

    const untitledCases: readonly [string, string, string][] = [
      ['by its journal, volume and pages', '@article{ex1, author = "A. Cisneros", journal = "Astrophys. Space Sci.", volume = 10, pages = 87, year = 1971}', 'Astrophys. Space Sci. 10, 87'],
      ['by its journal and pages', '@article{ex2, author = "B. B", journal = "Phys. Rev.", pages = {1--5}}', 'Phys. Rev., 1–5'],
      ['by the proceedings it crossrefs', '@inproceedings{p, author = {C}, crossref = {conf}, pages = {3--4}}\n@proceedings{conf, title = {Conf 2020}}', 'Conf 2020, 3–4'],
      ['by how it was published', '@misc{m, author = {D}, howpublished = {Talk at TUG 2020}}', 'Talk at TUG 2020'],
      ['by its URL', '@online{o, url = {https://example.org/page}}', 'https://example.org/page'],
      ['by its biblatex shorthand', '@book{Acc, keywords = {ancient}, shortauthor = {Accius}, shorthand = {Acc.}}', 'Acc.'],
    ];
    for (const [how, text, title] of untitledCases) {
      it(`shows an entry without a title ${how}, without a diagnostic`, () => {
        const { records, diagnostics } = readBibtex(text, 'refs.bib');
        assert.deepEqual(diagnostics, []);
        assert.equal(records[0].title, title);
      });
    }

    it('skips bib2gls glossary entries with one info diagnostic that names their types', () => {
      const text = [
        '@symbol{alpha, name = {\\ensuremath{\\alpha}}, description = {a letter}}',
        '@article{real, title = {Real}}',
        '@abbreviation{html, short = {HTML}, long = {hypertext markup language}}',
        '@symbol{beta, name = {b}}',
      ].join('\n');
      const { records, diagnostics } = readBibtex(text, 'glossary.bib');
      assert.deepEqual(records.map((record) => record.key), ['real']);
      assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.severity]), [[1, 'info']]);
      assert.match(diagnostics[0].message, /not references.*@symbol \(2\), @abbreviation \(1\)/);
    });
  });

  describe('LaTeX in what users read', () => {
    it('expands the file\'s @preamble macros, wherever the @preamble is, in titles, authors and venues', () => {
      const text = [
        '@article{a, title = "Colophon\\emdash News and \\booktitle{Notes}", author = "\\Thanh{} and B. B", journal = "\\TUB"}',
        '@Preamble{"\\ifx \\undefined \\booktitle \\def \\booktitle #1{{{\\em #1}}} \\fi" # "\\def\\emdash{---}"}',
      ].join('\n');
      const [record] = readBibtex(text, 'refs.bib').records;
      assert.deepEqual([record.title, record.authors, record.venue], ['Colophon—News and Notes', ['Hàn Thế Thành', 'B. B'], 'TUGboat']);
    });

    it('writes TeX logos as their names and keeps an unknown command\'s argument, naming it in one info diagnostic', () => {
      const text = [
        '@book{tb, title = "The \\TeX book"}',
        '@manual{ps, title = "{\\POSTSCRIPT} Language Reference Manual", note = {\\hologo{LuaTeX}}}',
        '@article{u, title = "\\mystery{Kept} text \\mystery{again} \\other"}',
      ].join('\n');
      const { records, diagnostics } = readBibtex(text, 'refs.bib');
      assert.deepEqual(records.map((record) => record.title), ['The TeXbook', 'PostScript Language Reference Manual', 'Kept text again']);
      assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.severity]), [[3, 'info']]);
      assert.match(diagnostics[0].message, /\\mystery \(2\), \\other\./);
    });
  });

  describe('deeply nested input', () => {
    it('reads a title of 10,000 nested braces without overflowing the stack, and the next entry still loads', () => {
      const depth = 10_000;
      const text = `@article{deep, title = {${'{'.repeat(depth)}Deep${'}'.repeat(depth)}}}\n@article{next, title = {Next}, year = 2024}`;
      const { records, diagnostics } = readBibtex(text, 'deep.bib');
      assert.deepEqual(records.map((record) => [record.key, record.title]), [['deep', 'Deep'], ['next', 'Next']]);
      assert.deepEqual(diagnostics, []);
    });

    it('follows a crossref chain of 20,000 entries without recursion, the root\'s fields reaching the last child', () => {
      const length = 20_000;
      const entries = Array.from({ length }, (_, i): BibtexEntry => ({
        type: 'misc',
        key: `e${i}`,
        line: i + 1,
        fields: new Map(i === length - 1 ? [['publisher', 'Root Press']] : [['crossref', `e${i + 1}`]]),
      }));
      const byKey = new Map(entries.map((entry) => [entry.key, entry]));
      assert.equal(inheritedFields(entries[0], (key) => byKey.get(key)).get('publisher'), 'Root Press');
    });

    it('stops at a crossref cycle', () => {
      const a: BibtexEntry = { type: 'misc', key: 'a', line: 1, fields: new Map([['crossref', 'b'], ['title', 'A']]) };
      const b: BibtexEntry = { type: 'misc', key: 'b', line: 2, fields: new Map([['crossref', 'a'], ['note', 'from b']]) };
      const byKey = new Map([a, b].map((entry) => [entry.key, entry]));
      const fields = inheritedFields(a, (key) => byKey.get(key));
      assert.deepEqual([fields.get('title'), fields.get('note')], ['A', 'from b']);
    });
  });

  describe('raw entries', () => {
    it('lower-cases types and field names but keeps the key\'s case', () => {
      const [entry] = parseBibtex('@ARTICLE{GuDao2023, TITLE = {Mamba}}', 'refs.bib').entries;
      assert.deepEqual([entry.type, entry.key, [...entry.fields.keys()]], ['article', 'GuDao2023', ['title']]);
    });
  });
});
