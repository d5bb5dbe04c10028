import { CslStyleError, DEFAULT_CSL_STYLE } from '../../core/cite/csl/cslStyle';
import type { CitationFormatter } from '../../core/cite/csl/citationFormatter';
import type { CslFiles } from '../../node/cslFiles';
import { CliError } from '../cliCommand';

/** `--style ID|FILE.csl` for parseArgs: a bundled style id or a `.csl` file, Chicago author-date (Pandoc's default) if absent. */
export const STYLE_OPTION = { style: { type: 'string', default: DEFAULT_CSL_STYLE } } as const;

/** The formatter for `--style`; a missing or broken style is a user error naming the file and line. */
export function cslFormatterFor(csl: CslFiles, style: string, cwd: string): CitationFormatter {
  try {
    return csl.formatter(csl.style(style, cwd));
  } catch (error) {
    if (error instanceof CslStyleError) throw new CliError(`style ${error.message}`);
    throw error;
  }
}
