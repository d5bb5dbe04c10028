import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CitationFormatter } from '../core/cite/csl/citationFormatter';
import { CslStyleError, DEFAULT_CSL_LOCALE, isBundledCslStyle, parseCslStyle, type CslStyle } from '../core/cite/csl/cslStyle';

/**
 * The bundled CSL styles and locales (`dist/csl/`, written by the build) and users' own `.csl` files, read from disk
 * for the pure formatter. Files are read once and kept.
 */
export class CslFiles {
  private readonly locales = new Map<string, string | undefined>();
  private readonly bundled = new Map<string, CslStyle>();

  /** `dir` holds `styles/ID.csl` and `locales/locales-LANG.xml`. */
  constructor(readonly dir: string) {}

  /** The locale file for a language tag ("en-US", or "de" for de-DE), if bundled. */
  locale(lang: string): string | undefined {
    if (!this.locales.has(lang)) {
      const candidates = [lang, ...(lang.includes('-') ? [] : [`${lang}-${lang.toUpperCase()}`])];
      let text: string | undefined;
      for (const candidate of candidates) {
        try {
          text = readFileSync(path.join(this.dir, 'locales', `locales-${candidate}.xml`), 'utf8');
          break;
        } catch {
          // not bundled: try the next form, then citeproc falls back to en-US
        }
      }
      this.locales.set(lang, text);
    }
    return this.locales.get(lang);
  }

  /** A bundled style by id. Throws CslStyleError when the build did not ship it. */
  bundledStyle(id: string): CslStyle {
    let style = this.bundled.get(id);
    if (style === undefined) {
      let xml: string;
      try {
        xml = readFileSync(path.join(this.dir, 'styles', `${id}.csl`), 'utf8');
      } catch {
        throw new CslStyleError(id, `the bundled style is missing from ${path.join(this.dir, 'styles')} (run the build)`);
      }
      style = parseCslStyle(xml, id);
      this.bundled.set(id, style);
    }
    return style;
  }

  /**
   * A style named by a setting or `--style`: a bundled id, or a path to a `.csl` file (relative to `baseDir`).
   * Throws CslStyleError with the file (and line, when the XML is broken) for a missing or unusable style.
   */
  style(spec: string, baseDir: string): CslStyle {
    if (isBundledCslStyle(spec)) return this.bundledStyle(spec);
    if (!/\.csl$/i.test(spec) && !spec.includes('/') && !spec.includes('\\')) {
      throw new CslStyleError(spec, 'not a bundled style id (apa, harvard, vancouver, chicago-author-date, ieee, nature, acm) nor a .csl file');
    }
    const file = path.resolve(baseDir, spec);
    let xml: string;
    try {
      xml = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CslStyleError(spec, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message);
    }
    return parseCslStyle(xml, spec);
  }

  /** A formatter for a style and locale; citeproc's own complaints about the style become CslStyleError. */
  formatter(style: CslStyle, locale = DEFAULT_CSL_LOCALE): CitationFormatter {
    return new CitationFormatter({ style, locale, retrieveLocale: (lang) => this.locale(lang) });
  }
}
