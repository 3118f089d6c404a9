/**
 * Target languages for vocabulary lists: the union of what DeepL and LibreTranslate translate
 * English into, under one code each. People may name a language in English ("French"), in the
 * language itself ("français") or by code ("fr", "FR", "pt-br").
 *
 * DeepL codes are its `target_lang` values (developers.deepl.com). LibreTranslate codes are those
 * a self-hosted instance lists at /languages: `pb` is Brazilian Portuguese, `zh`/`zt` Simplified/
 * Traditional Chinese (the public libretranslate.com also accepts `pt-BR`, `zh-Hans`, `zh-Hant`).
 */
import type { Language } from './types.js';

export const LANGUAGES: readonly Language[] = [
  { code: 'ar', english: 'Arabic', native: 'العربية', deepl: 'AR', libre: 'ar' },
  { code: 'az', english: 'Azerbaijani', native: 'Azərbaycanca', libre: 'az' },
  { code: 'bg', english: 'Bulgarian', native: 'Български', deepl: 'BG', libre: 'bg' },
  { code: 'bn', english: 'Bengali', native: 'বাংলা', libre: 'bn' },
  { code: 'ca', english: 'Catalan', native: 'Català', libre: 'ca' },
  { code: 'cs', english: 'Czech', native: 'Čeština', deepl: 'CS', libre: 'cs' },
  { code: 'da', english: 'Danish', native: 'Dansk', deepl: 'DA', libre: 'da' },
  { code: 'de', english: 'German', native: 'Deutsch', deepl: 'DE', libre: 'de' },
  { code: 'el', english: 'Greek', native: 'Ελληνικά', deepl: 'EL', libre: 'el' },
  { code: 'eo', english: 'Esperanto', native: 'Esperanto', libre: 'eo' },
  { code: 'es', english: 'Spanish', native: 'Español', deepl: 'ES', libre: 'es' },
  { code: 'et', english: 'Estonian', native: 'Eesti', deepl: 'ET', libre: 'et' },
  { code: 'eu', english: 'Basque', native: 'Euskara', libre: 'eu' },
  { code: 'fa', english: 'Persian', native: 'فارسی', libre: 'fa' },
  { code: 'fi', english: 'Finnish', native: 'Suomi', deepl: 'FI', libre: 'fi' },
  { code: 'fr', english: 'French', native: 'Français', deepl: 'FR', libre: 'fr' },
  { code: 'ga', english: 'Irish', native: 'Gaeilge', libre: 'ga' },
  { code: 'gl', english: 'Galician', native: 'Galego', libre: 'gl' },
  { code: 'he', english: 'Hebrew', native: 'עברית', libre: 'he' },
  { code: 'hi', english: 'Hindi', native: 'हिन्दी', libre: 'hi' },
  { code: 'hu', english: 'Hungarian', native: 'Magyar', deepl: 'HU', libre: 'hu' },
  { code: 'id', english: 'Indonesian', native: 'Bahasa Indonesia', deepl: 'ID', libre: 'id' },
  { code: 'it', english: 'Italian', native: 'Italiano', deepl: 'IT', libre: 'it' },
  { code: 'ja', english: 'Japanese', native: '日本語', deepl: 'JA', libre: 'ja' },
  { code: 'ko', english: 'Korean', native: '한국어', deepl: 'KO', libre: 'ko' },
  { code: 'lt', english: 'Lithuanian', native: 'Lietuvių', deepl: 'LT', libre: 'lt' },
  { code: 'lv', english: 'Latvian', native: 'Latviešu', deepl: 'LV', libre: 'lv' },
  { code: 'ms', english: 'Malay', native: 'Bahasa Melayu', libre: 'ms' },
  { code: 'nb', english: 'Norwegian', native: 'Norsk bokmål', deepl: 'NB', libre: 'nb' },
  { code: 'nl', english: 'Dutch', native: 'Nederlands', deepl: 'NL', libre: 'nl' },
  { code: 'pl', english: 'Polish', native: 'Polski', deepl: 'PL', libre: 'pl' },
  { code: 'pt-pt', english: 'Portuguese', native: 'Português', deepl: 'PT-PT', libre: 'pt' },
  {
    code: 'pt-br',
    english: 'Brazilian Portuguese',
    native: 'Português do Brasil',
    deepl: 'PT-BR',
    libre: 'pb',
  },
  { code: 'ro', english: 'Romanian', native: 'Română', deepl: 'RO', libre: 'ro' },
  { code: 'ru', english: 'Russian', native: 'Русский', deepl: 'RU', libre: 'ru' },
  { code: 'sk', english: 'Slovak', native: 'Slovenčina', deepl: 'SK', libre: 'sk' },
  { code: 'sl', english: 'Slovenian', native: 'Slovenščina', deepl: 'SL', libre: 'sl' },
  { code: 'sq', english: 'Albanian', native: 'Shqip', libre: 'sq' },
  { code: 'sr', english: 'Serbian', native: 'Српски', libre: 'sr' },
  { code: 'sv', english: 'Swedish', native: 'Svenska', deepl: 'SV', libre: 'sv' },
  { code: 'th', english: 'Thai', native: 'ไทย', libre: 'th' },
  { code: 'tl', english: 'Tagalog', native: 'Tagalog', libre: 'tl' },
  { code: 'tr', english: 'Turkish', native: 'Türkçe', deepl: 'TR', libre: 'tr' },
  { code: 'uk', english: 'Ukrainian', native: 'Українська', deepl: 'UK', libre: 'uk' },
  { code: 'ur', english: 'Urdu', native: 'اردو', libre: 'ur' },
  { code: 'vi', english: 'Vietnamese', native: 'Tiếng Việt', libre: 'vi' },
  { code: 'zh-hans', english: 'Chinese', native: '简体中文', deepl: 'ZH-HANS', libre: 'zh' },
  { code: 'zh-hant', english: 'Traditional Chinese', native: '繁體中文', deepl: 'ZH-HANT', libre: 'zt' },
];

/**
 * Other ways people name a language: regional codes and common names. Not `no` (Norwegian) or
 * `in` (old Indonesian): "vocab Dr. No" is a title.
 */
const ALIASES: Record<string, string> = {
  pt: 'pt-pt',
  'pt-pt': 'pt-pt',
  'european portuguese': 'pt-pt',
  portugues: 'pt-pt',
  'portugues brasileiro': 'pt-br',
  brazilian: 'pt-br',
  br: 'pt-br',
  pb: 'pt-br',
  zh: 'zh-hans',
  'zh-cn': 'zh-hans',
  'simplified chinese': 'zh-hans',
  mandarin: 'zh-hans',
  zt: 'zh-hant',
  'zh-tw': 'zh-hant',
  'zh-hk': 'zh-hant',
  nn: 'nb',
  'norwegian bokmal': 'nb',
  bokmal: 'nb',
  farsi: 'fa',
  filipino: 'tl',
  fil: 'tl',
  castellano: 'es',
  castilian: 'es',
  iw: 'he',
  bahasa: 'id',
  flemish: 'nl',
  vlaams: 'nl',
  deutsch: 'de',
};

/** Lower case, no accents, single spaces, `_` as `-`: "Français" → "francais", "PT_BR" → "pt-br". */
export function foldLanguage(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const byKey = new Map<string, Language>();
for (const lang of LANGUAGES) {
  for (const k of [lang.code, lang.english, lang.native, lang.deepl, lang.libre]) {
    if (k && !byKey.has(foldLanguage(k))) byKey.set(foldLanguage(k), lang);
  }
}
for (const [alias, code] of Object.entries(ALIASES)) {
  const lang = LANGUAGES.find((l) => l.code === code);
  if (lang && !byKey.has(alias)) byKey.set(alias, lang);
}

/** The language named by `name` (English name, native name or code), or undefined. */
export function findLanguage(name: string): Language | undefined {
  return byKey.get(foldLanguage(name));
}

/** "French (fr), German (de), …" for telling people what they can ask for. */
export function supportedLanguageList(): string {
  return LANGUAGES.map((l) => `${l.english} (${l.code})`).join(', ');
}
