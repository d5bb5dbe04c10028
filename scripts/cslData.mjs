// The CSL styles and locales Paper Notes ships, taken at build time from maintained packages, never copied by hand:
// APA, Harvard and Vancouver from @citation-js/plugin-csl (npm); Chicago author-date as Debian's pandoc uses it by
// default (`pandoc --print-default-data-file default.csl`); IEEE, Nature and ACM from Debian's
// citation-style-language-styles (which pandoc suggests); locales from Debian's citation-style-language-locales.
// Each style is kept byte for byte, with its <info> and CC BY-SA <rights>.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const DEBIAN_STYLES = '/usr/share/citation-style-language/styles';
const DEBIAN_LOCALES = '/usr/share/citation-style-language/locales';

/** Bundled style ids (the `paperNotes.citation.cslStyle` values) and where each comes from. */
export const BUNDLED_STYLE_SOURCES = [
  { id: 'apa', from: { npm: '@citation-js/plugin-csl', name: 'apa' } },
  { id: 'harvard', from: { npm: '@citation-js/plugin-csl', name: 'harvard1' } },
  { id: 'vancouver', from: { npm: '@citation-js/plugin-csl', name: 'vancouver' } },
  { id: 'chicago-author-date', from: { pandoc: 'default.csl' } },
  { id: 'ieee', from: { debian: 'ieee.csl' } },
  { id: 'nature', from: { debian: 'nature.csl' } },
  { id: 'acm', from: { debian: 'association-for-computing-machinery.csl' } },
];

/** Locales shipped: the styles' own default locales plus common ones for `paperNotes.citation.locale`. */
export const BUNDLED_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP', 'zh-CN'];

function missing(what, install) {
  return new Error(`${what} is missing: install ${install} (scripts/setup does) to build the bundled citation styles`);
}

function styleText(source) {
  const { from } = source;
  if (from.npm) return require(`${from.npm}/lib/styles.json`)[from.name];
  if (from.pandoc) {
    try {
      return execFileSync('pandoc', ['--print-default-data-file', from.pandoc], { encoding: 'utf8' });
    } catch {
      throw missing(`pandoc (for ${source.id})`, "Debian's pandoc");
    }
  }
  const file = path.join(DEBIAN_STYLES, from.debian);
  if (!existsSync(file)) throw missing(file, "Debian's citation-style-language-styles");
  return readFileSync(file, 'utf8');
}

function originOf(source) {
  const { from } = source;
  if (from.npm) return `npm package ${from.npm} ${require(`${from.npm}/package.json`).version} (styles.json "${from.name}")`;
  if (from.pandoc) return `Debian's pandoc ${execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0].replace(/^pandoc /, '')} (default.csl)`;
  return `Debian package citation-style-language-styles (${from.debian})`;
}

/** Every bundled style and locale as text, read from its package. */
export function readBundledCslData() {
  const styles = BUNDLED_STYLE_SOURCES.map((source) => ({ id: source.id, xml: styleText(source), origin: originOf(source) }));
  const locales = BUNDLED_LOCALES.map((lang) => {
    const file = path.join(DEBIAN_LOCALES, `locales-${lang}.xml`);
    if (!existsSync(file)) throw missing(file, "Debian's citation-style-language-locales");
    return { lang, xml: readFileSync(file, 'utf8') };
  });
  return { styles, locales };
}

const tag = (xml, name) => new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1]?.trim();
const unescapeXml = (text) => text?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function noticeFor(style) {
  const info = tag(style.xml, 'info') ?? '';
  const people = [...info.matchAll(/<(author|contributor)>([\s\S]*?)<\/\1>/g)].map((m) => unescapeXml(tag(m[2], 'name'))).filter(Boolean);
  const license = /<rights[^>]*license="([^"]+)"/.exec(info)?.[1];
  return [
    `### ${unescapeXml(tag(info, 'title'))} (\`${style.id}\`)`,
    '',
    `- Source: ${style.origin}; style id ${unescapeXml(tag(info, 'id'))}, updated ${tag(info, 'updated')}`,
    `- Authors and contributors: ${people.length > 0 ? people.join(', ') : 'see the style file'}`,
    `- Rights: ${unescapeXml(tag(info, 'rights'))}${license ? ` (${license})` : ''}`,
    '',
  ].join('\n');
}

/** The third-party notice for the citation engine, styles and locales shipped in the VSIX. */
export function thirdPartyNotice(data) {
  const citeproc = require('citeproc/package.json');
  return [
    '# Third-party notices: citation formatting',
    '',
    `## citeproc-js ${citeproc.version}`,
    '',
    'The CSL processor by Frank Bennett (https://github.com/Juris-M/citeproc-js), bundled into dist/extension.js and',
    `dist/cli.js. Licence: ${citeproc.license} (dual licence: Common Public Attribution License 1.0 or GNU Affero`,
    'General Public License); Paper Notes uses it under the CPAL 1.0.',
    '',
    '## Citation Style Language styles',
    '',
    'Each style file in dist/csl/styles/ is shipped unchanged, with its <info> and <rights> blocks. The styles come from',
    'the Citation Style Language project (https://github.com/citation-style-language/styles) and are licensed under the',
    'Creative Commons Attribution-ShareAlike 3.0 Unported licence (CC BY-SA 3.0).',
    '',
    ...data.styles.map(noticeFor),
    '## Citation Style Language locales',
    '',
    `dist/csl/locales/ holds ${data.locales.map((l) => l.lang).join(', ')} from the CSL locales repository`,
    '(https://github.com/citation-style-language/locales), via Debian\'s citation-style-language-locales, licensed under',
    'CC BY-SA 3.0.',
    '',
  ].join('\n');
}

/** Writes styles/ID.csl, locales/locales-LANG.xml and THIRD-PARTY-NOTICES.md under `dir`. */
export function writeBundledCslData(dir) {
  const data = readBundledCslData();
  mkdirSync(path.join(dir, 'styles'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  for (const style of data.styles) writeFileSync(path.join(dir, 'styles', `${style.id}.csl`), style.xml);
  for (const locale of data.locales) writeFileSync(path.join(dir, 'locales', `locales-${locale.lang}.xml`), locale.xml);
  writeFileSync(path.join(dir, 'THIRD-PARTY-NOTICES.md'), thirdPartyNotice(data));
  return data;
}
