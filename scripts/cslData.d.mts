// Types of scripts/cslData.mjs for the tests and bench that extract the bundled styles themselves.
export interface BundledCslData {
  readonly styles: ReadonlyArray<{ readonly id: string; readonly xml: string; readonly origin: string }>;
  readonly locales: ReadonlyArray<{ readonly lang: string; readonly xml: string }>;
}
export const BUNDLED_STYLE_SOURCES: ReadonlyArray<{ readonly id: string; readonly from: Record<string, string> }>;
export const BUNDLED_LOCALES: readonly string[];
export function readBundledCslData(): BundledCslData;
export function thirdPartyNotice(data: BundledCslData): string;
export function writeBundledCslData(dir: string): BundledCslData;
