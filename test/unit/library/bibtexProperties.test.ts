import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseBibtex, readBibtex } from '../../../src/core/library/bibtexReader';
import { latexToUnicode } from '../../../src/core/library/latexToUnicode';

/** Text made mostly of BibTeX's own syntax, so the generator reaches the reader's error paths. */
const bibtexish = fc
  .array(fc.constantFrom('@', '{', '}', '(', ')', '"', ',', '=', '#', '%', '\\', '\n', ' ', '\t', '\u000b', '  ', 'article', 'string', 'comment', 'title', 'k', 'x', '$', '^', '~', '--'), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

/** Field values a .bib file can hold literally inside braces: balanced braces, no backslashes. */
const plainValue = fc.stringMatching(/^[A-Za-z0-9 .:;!?()\-+*/<>|[\]=_&]{1,40}$/);
const fieldName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
const citationKey = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_:.-]{0,19}$/);

describe('BibTeX reader properties', () => {
  it('never throws on arbitrary text, and every diagnostic has a line inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), bibtexish), (text) => {
        const result = readBibtex(text, 'fuzz.bib');
        const lineCount = text.split('\n').length;
        for (const diagnostic of result.diagnostics) {
          assert.ok(diagnostic.line >= 1 && diagnostic.line <= lineCount, `line ${diagnostic.line} of ${lineCount}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws while decoding arbitrary LaTeX', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), bibtexish), (value) => typeof latexToUnicode(value) === 'string'), { numRuns: 2000 });
  });

  it('keeps every field of every entry it writes and reads back', () => {
    const entry = fc.record({
      type: fc.constantFrom('article', 'inproceedings', 'misc', 'book'),
      key: citationKey,
      fields: fc.uniqueArray(fc.tuple(fieldName, plainValue, fc.constantFrom('braces', 'quotes')), { selector: ([name]) => name, minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const text = entries
          .map(({ type, key, fields }) => {
            const body = fields.map(([name, value, style]) => `  ${name} = ${style === 'braces' ? `{${value}}` : `"${value}"`}`).join(',\n');
            return `@${type}{${key},\n${body}\n}`;
          })
          .join('\n\n');
        const parsed = parseBibtex(text, 'roundtrip.bib');
        assert.deepEqual(parsed.diagnostics, []);
        assert.deepEqual(
          parsed.entries.map((parsedEntry) => [parsedEntry.type, parsedEntry.key, Object.fromEntries(parsedEntry.fields)]),
          entries.map(({ type, key, fields }) => [type, key, Object.fromEntries(fields.map(([name, value]) => [name, value]))]),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('decodes a title and authors it writes back to the same text', () => {
    // "and" and "others" are keywords in BibTeX name lists, not names.
    const word = fc.stringMatching(/^[A-Z][a-z]{1,10}$/).filter((name) => !['and', 'others'].includes(name.toLowerCase()));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 5 }), (titleWords, people) => {
        const author = people.map(([given, family]) => `${family}, ${given}`).join(' and ');
        const [record] = readBibtex(`@article{k, title = {${titleWords.join(' ')}}, author = {${author}}}`, 'names.bib').records;
        assert.equal(record.title, titleWords.join(' '));
        assert.deepEqual(record.authors, people.map(([given, family]) => `${given} ${family}`));
      }),
      { numRuns: 300 },
    );
  });
});
