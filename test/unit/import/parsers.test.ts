import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArxivFeed } from '../../../src/core/import/arxivAtom';
import { parseDoiCslJson } from '../../../src/core/import/doiCslJson';
import { parseDailyPapersList, parseHuggingFacePaper, renderDailyPapersMetadata, renderDailyPapersPage } from '../../../src/core/import/huggingFace';
import { MetadataFormatError } from '../../../src/core/import/importedPaper';
import { readDailyPapersWithMetadata } from '../../../src/core/library/dailyPapersWithMetadata';
import { looksLikeDailyPapers } from '../../../src/core/library/libraryFormats';
import { SERVICES_FIXTURES } from '../../support/replayServer';

const fixture = (file: string) => readFileSync(path.join(SERVICES_FIXTURES, file), 'utf8');

describe('arXiv Atom feeds', () => {
  it('reads a paper: title and abstract unwrapped, authors, year, primary category, arXiv id without version', () => {
    const { papers, errors } = parseArxivFeed(fixture('arxiv/2405.21060.xml'));
    assert.deepEqual(errors, []);
    assert.equal(papers.length, 1);
    const [paper] = papers;
    assert.equal(paper.title, 'Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality');
    assert.deepEqual(paper.authors, ['Tri Dao', 'Albert Gu']);
    assert.equal(paper.year, 2024);
    assert.equal(paper.arxivId, '2405.21060');
    assert.equal(paper.primaryCategory, 'cs.LG');
    assert.match(paper.abstract, /^While Transformers have been .* a well-studied class .* 2-8X faster, while continuing to be competitive with Transformers on language modeling\.$/);
    assert.ok(!paper.abstract.includes('\n'));
  });

  it('reads an old-style id with its journal reference and DOI', () => {
    const [paper] = parseArxivFeed(fixture('arxiv/hep-th_9711200.xml')).papers;
    assert.equal(paper.arxivId, 'hep-th/9711200');
    assert.equal(paper.journalRef, 'Adv.Theor.Math.Phys.2:231-252,1998');
    assert.equal(paper.doi, '10.1023/a:1026654312961');
    assert.equal(paper.year, 1997);
  });

  it('reads a batch of two papers in order', () => {
    assert.deepEqual(parseArxivFeed(fixture('arxiv/batch_2405.21060_2307.08621.xml')).papers.map((p) => p.arxivId), ['2405.21060', '2307.08621']);
  });

  it('reads an error entry as an error, never as a paper', () => {
    const feed = parseArxivFeed(fixture('arxiv/error_1234.12345.xml'));
    assert.deepEqual(feed.papers, []);
    assert.deepEqual(feed.errors, ['incorrect id format for 1234.12345']);
  });

  it('reads an empty feed and an entry with empty fields as no paper', () => {
    assert.deepEqual(parseArxivFeed(fixture('arxiv/missing_2312.99999.xml')).papers, []);
    assert.deepEqual(parseArxivFeed(fixture('arxiv/empty-entry_2312.99998.xml')).papers, []);
  });

  it('rejects malformed XML and a plain-text answer with a message that says so', () => {
    assert.throws(() => parseArxivFeed(fixture('arxiv/malformed_2405.21060.xml')), (error: unknown) => error instanceof MetadataFormatError && /malformed XML \(line \d+/.test(error.message));
    assert.throws(() => parseArxivFeed(fixture('arxiv/rate-exceeded.txt')), MetadataFormatError);
  });
});

describe('Hugging Face answers', () => {
  it('reads a paper\'s GitHub repository and keywords', () => {
    const info = parseHuggingFacePaper(fixture('huggingface/papers_2405.21060.json'));
    assert.equal(info.codeUrl, 'https://github.com/state-spaces/mamba');
    assert.ok(info.keywords.includes('state space duality'));
    assert.equal(info.upvotes, 64);
  });

  it('reads a day of Daily Papers and writes it as a page the library reads back, with its metadata beside it', () => {
    const papers = parseDailyPapersList(fixture('huggingface/daily_papers_2024-06-03.json'));
    assert.deepEqual(papers.map((p) => p.arxivId), ['2405.21060', '2307.08621']);
    assert.equal(papers[0].title, 'Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality');
    const page = renderDailyPapersPage(papers);
    assert.ok(looksLikeDailyPapers(page));
    const metadata = renderDailyPapersMetadata(papers, '2024-06-03');
    const result = readDailyPapersWithMetadata({ text: page, file: 'papers/daily-papers-2024-06-03.txt' }, { text: metadata, file: 'papers/daily-papers-2024-06-03.metadata.json' });
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.records.length, 2);
    assert.deepEqual(result.records[0].authors, ['Tri Dao', 'Albert Gu']);
    assert.equal(result.records[0].year, 2024);
    assert.equal(result.records[0].arxivId, '2405.21060');
    assert.deepEqual(result.records[0].codeUrls, ['https://github.com/state-spaces/mamba']);
    assert.equal(result.records[0].source.file, 'papers/daily-papers-2024-06-03.txt');
    assert.match(result.records[0].abstract, /2-8X faster/);
  });

  it('reads an empty day as no papers and rejects JSON that is not a list', () => {
    assert.deepEqual(parseDailyPapersList(fixture('huggingface/daily_papers_2024-06-02.json')), []);
    assert.throws(() => parseDailyPapersList(fixture('huggingface/not-found.json')), MetadataFormatError);
    assert.throws(() => parseDailyPapersList('<html>'), MetadataFormatError);
  });
});

describe('DOI CSL-JSON', () => {
  it('reads title, authors, year, journal, DOI and the JATS abstract as text', () => {
    const paper = parseDoiCslJson(fixture('doi/10.1145_3530811.json'), '10.1145/3530811');
    assert.equal(paper.title, 'Efficient Transformers: A Survey');
    assert.deepEqual(paper.authors, ['Yi Tay', 'Mostafa Dehghani', 'Dara Bahri', 'Donald Metzler']);
    assert.equal(paper.year, 2022);
    assert.equal(paper.journalRef, 'ACM Computing Surveys');
    assert.equal(paper.doi, '10.1145/3530811');
    assert.match(paper.abstract, /^Transformer model architectures .* multiple domains\.$/);
    assert.ok(!paper.abstract.includes('<'));
  });

  it('rejects an HTML page', () => {
    assert.throws(() => parseDoiCslJson(fixture('doi/not-found.html'), '10.9999/x'), MetadataFormatError);
  });
});
