/**
 * The paper view's messages between the extension host and the webview, as discriminated unions.
 * No `vscode` import: the webview bundle and the host both build on this file.
 * Everything the webview sends is untrusted until `parseWebviewMessage` has accepted it.
 */

/** What the webview keeps with `setState`, so a reloaded window can restore the panel (see the serializer). */
export interface PaperViewState {
  readonly key: string;
  /** Index into the paper's claims of the claim in focus, if any. */
  readonly focusClaim?: number;
}

/** Messages the webview sends to the host. */
export type WebviewMessage =
  /** The script has run and listens: the host may post now (ready handshake). */
  | { readonly type: 'ready'; readonly key: string }
  /** Insert `[@key]` into the Markdown editor that was last active. */
  | { readonly type: 'insertCitation' }
  /** Insert the claim's sentence as a `>` quotation followed by the citation. */
  | { readonly type: 'citeClaim'; readonly claimIndex: number }
  | { readonly type: 'copyBibtex' }
  | { readonly type: 'copyKey' }
  | { readonly type: 'openNote' }
  /** A link was activated; the host opens it only if its scheme is http or https. */
  | { readonly type: 'openLink'; readonly url: string }
  /** The user moved the focus to a claim; the host remembers it for the next restore. */
  | { readonly type: 'focusChanged'; readonly claimIndex: number | null };

/** Messages the host sends to the webview. */
export type HostMessage =
  | { readonly type: 'focusClaim'; readonly claimIndex: number }
  /** Which optional actions are available right now (a Markdown editor to insert into, a notes command). */
  | { readonly type: 'capabilities'; readonly canInsert: boolean; readonly canOpenNote: boolean };

export type WebviewMessageType = WebviewMessage['type'];

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const MAX_URL_LENGTH = 4096;
const MAX_KEY_LENGTH = 512;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isClaimIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100_000;
}

function onlyKeys(record: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  const extra = Object.keys(record).filter((name) => !allowed.includes(name));
  return extra.length > 0 ? `unexpected field(s) ${extra.map((name) => JSON.stringify(name)).join(', ')}` : undefined;
}

function fail<T>(error: string): ParseResult<T> {
  return { ok: false, error };
}

/**
 * Checks a message that came from the webview. Anything malformed (wrong type, extra or missing fields,
 * a non-integer index, an over-long string) is rejected with a reason; the host then ignores it.
 */
export function parseWebviewMessage(value: unknown): ParseResult<WebviewMessage> {
  if (!isRecord(value)) return fail('message is not an object');
  const type = value.type;
  if (typeof type !== 'string') return fail('message has no string "type"');
  const check = (allowed: readonly string[]): string | undefined => onlyKeys(value, ['type', ...allowed]);
  switch (type) {
    case 'insertCitation':
    case 'copyBibtex':
    case 'copyKey':
    case 'openNote': {
      const extra = check([]);
      return extra ? fail(extra) : { ok: true, value: { type } };
    }
    case 'ready': {
      const extra = check(['key']);
      if (extra) return fail(extra);
      if (typeof value.key !== 'string' || value.key.length === 0 || value.key.length > MAX_KEY_LENGTH) {
        return fail('"ready" needs a non-empty string "key"');
      }
      return { ok: true, value: { type, key: value.key } };
    }
    case 'citeClaim': {
      const extra = check(['claimIndex']);
      if (extra) return fail(extra);
      if (!isClaimIndex(value.claimIndex)) return fail('"citeClaim" needs a non-negative integer "claimIndex"');
      return { ok: true, value: { type, claimIndex: value.claimIndex } };
    }
    case 'focusChanged': {
      const extra = check(['claimIndex']);
      if (extra) return fail(extra);
      if (value.claimIndex !== null && !isClaimIndex(value.claimIndex)) {
        return fail('"focusChanged" needs a non-negative integer or null "claimIndex"');
      }
      return { ok: true, value: { type, claimIndex: value.claimIndex } };
    }
    case 'openLink': {
      const extra = check(['url']);
      if (extra) return fail(extra);
      if (typeof value.url !== 'string' || value.url.length === 0 || value.url.length > MAX_URL_LENGTH) {
        return fail('"openLink" needs a non-empty string "url"');
      }
      return { ok: true, value: { type, url: value.url } };
    }
    default:
      return fail(`unknown message type ${JSON.stringify(type.slice(0, 40))}`);
  }
}

/** Checks a state object restored by the serializer (it comes back from webview storage, so it is untrusted too). */
export function parsePaperViewState(value: unknown): ParseResult<PaperViewState> {
  if (!isRecord(value)) return fail('state is not an object');
  if (typeof value.key !== 'string' || value.key.length === 0 || value.key.length > MAX_KEY_LENGTH) {
    return fail('state needs a non-empty string "key"');
  }
  if (value.focusClaim !== undefined && value.focusClaim !== null && !isClaimIndex(value.focusClaim)) {
    return fail('state "focusClaim" must be a non-negative integer');
  }
  return {
    ok: true,
    value: typeof value.focusClaim === 'number' ? { key: value.key, focusClaim: value.focusClaim } : { key: value.key },
  };
}
