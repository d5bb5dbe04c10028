// citeproc-js ships no types; Paper Notes uses this much of it (https://citeproc-js.readthedocs.io/).
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): unknown;
  }
  interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    'suppress-author'?: boolean;
    'author-only'?: boolean;
  }
  interface CiteprocCitation {
    citationID: string;
    citationItems: CiteprocCitationItem[];
    properties: { noteIndex: number };
  }
  interface BibliographyParams {
    entry_ids: string[][];
    bibstart: string;
    bibend: string;
    'second-field-align'?: string | false;
    hangingindent?: number;
  }
  interface CiteprocEngine {
    opt: { xclass: 'in-text' | 'note'; 'default-locale': string[]; development_extensions: { wrap_url_and_doi: boolean; apply_citation_wrapper: boolean } };
    cslXml: unknown;
    rebuildProcessorState(citations: CiteprocCitation[], mode: string, uncitedItemIDs?: string[]): Array<[string, number, string]>;
    setOutputFormat(mode: string): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [BibliographyParams, string[]] | false;
    makeCitationCluster(items: CiteprocCitationItem[]): string;
  }
  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
    Output: { Formats: Record<string, Record<string, unknown>> };
  };
  export default CSL;
}
