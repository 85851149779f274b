export type LocaleReading =
  | { kind: 'valid' }
  /** Well-formed, but not in canonical case: `en-us`. */
  | { kind: 'case'; canonical: string }
  /** Not a language tag; `canonical` is set when the intent is certain (`en_US`). */
  | { kind: 'invalid'; canonical?: string };

const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const cache = new Map<string, LocaleReading>();

/** Reads a trimmed LOCALE value as a BCP 47 tag whose language is known. */
export function readLocale(value: string): LocaleReading {
  let reading = cache.get(value);
  if (reading === undefined) {
    if (cache.size >= 10_000) cache.clear();
    reading = readUncached(value);
    cache.set(value, reading);
  }
  return reading;
}

function readUncached(value: string): LocaleReading {
  const canonical = canonicalTag(value);
  if (canonical !== undefined) return canonical === value ? { kind: 'valid' } : { kind: 'case', canonical };
  const repaired = canonicalTag(value.replaceAll('_', '-'));
  return repaired !== undefined ? { kind: 'invalid', canonical: repaired } : { kind: 'invalid' };
}

function canonicalTag(value: string): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(value);
    if (tag === undefined) return undefined;
    // Intl accepts any well-formed tag; a language it cannot name is almost surely a typo.
    const language = tag.split('-')[0] ?? '';
    return languages.of(language) === undefined ? undefined : tag;
  } catch {
    return undefined;
  }
}
