/**
 * What the vocabulary feature says, by code. Plain text only: the same words go to Telegram,
 * Discord and the terminal. Values are interpolated as {name}.
 */
import type { Reply } from '../types.js';

export const VOCAB_USAGE = [
  'Try:',
  '• vocab Inception in French — the film’s words by CEFR level (B1 and up)',
  '• vocab Inception fr B2+ — only B2 and harder',
  '• vocab The Matrix pt-br C1-C2',
  'Send a .srt or .vtt subtitle file with the command to use it as the script.',
  'Then: vocab word kick (translation and examples) · vocab export (Anki file) · vocab status · vocab stats',
].join('\n');

const TEXT = {
  // Composed by render-vocab.ts and the enrichment desk from the lines below.
  'vocab.profile': '{text}',
  'vocab.word': '{text}',
  'vocab.enrichProgress': '{view}\n\n{line}',
  'vocab.usage': VOCAB_USAGE,
  'vocab.emptyTitle': `Which movie? ${VOCAB_USAGE}`,
  'vocab.titleTooLong': 'That is too long for a title (at most {max} characters).',
  'vocab.unknownLanguage': 'I can’t make lists for “{language}”. Languages I know: {list}.',
  'vocab.badLevel': '“{level}” is not a CEFR level. Use A1, A2, B1, B2, C1 or C2, e.g. “B2+” or “C1-C2”.',
  'vocab.noScript':
    'I found no script for {title} on {source}. Send its subtitles (.srt or .vtt) with “vocab {title}” and I’ll use those.',
  'vocab.scriptTooShort':
    'The script I found for {title} on {source} is too short to grade ({chars} characters of text). Send its subtitles (.srt or .vtt) instead.',
  'vocab.scriptTooLarge':
    'What {source} sent for {title} is over {maxMb} MB: that is not a script page, so I left it.',
  'vocab.notAScript': 'What {source} sent for {title} is not a script page ({detail}).',
  'vocab.sourceQuota':
    '{source} has no downloads left for today{resets}, so I couldn’t get subtitles for {title} there.',
  'vocab.sourceDown': 'I can’t reach {source} right now ({why}). Please try again in a while.',
  'vocab.fileNotFound': 'There is no file “{file}”.',
  'vocab.fileTooShort': '“{file}” is too short to grade ({chars} characters of text).',
  'vocab.fileTooLarge': '“{file}” is over {maxMb} MB, too big for a script or subtitles.',
  'vocab.fileNotScript': 'I found no script in “{file}” ({detail}).',
  'vocab.pathNotAllowed':
    'Script files by path only work in the terminal. Send the file as an attachment instead.',
  'vocab.noFileSource': 'Reading local script files is not set up here.',
  'vocab.attachmentUnsupported': 'I can read .srt and .vtt subtitle files; “{file}” is neither.',
  'vocab.unexpected':
    'Something went wrong on my side reading the script for {title}. Please try again later.',

  // Background enrichment: translations and example sentences.
  'vocab.enrichStarted':
    'Translations into {language} are on their way ({translator}); I’ll message you when they’re ready. Follow them with “vocab status”; see a word’s examples now with “vocab word {word}”.',
  'vocab.enrichJoined':
    'Translations into {language} are already on their way ({done} of {total} words); I’ll message you too when they’re ready.',
  'vocab.enrichJoinedPaused':
    'Translations into {language} are paused ({why}) at {done} of {total} words; I’ll message you when they’re ready.',
  'vocab.enrichAlready':
    'Translations into {language} are ready: open a word with “vocab word {word}”, or get them all for Anki with “vocab export”.',
  'vocab.noTranslator':
    'Translations need a translator: set DEEPL_API_KEY or LIBRETRANSLATE_URL. Levels and example sentences work without one: “vocab word {word}”.',
  'vocab.translatorNoLanguage':
    '{translator} does not translate into {language}, so the list comes without translations.',
  'vocab.enrichLimited':
    'You’ve started {limit} translation jobs in the last hour, the most there may be; ask again later for translations of this one.',
  'vocab.enrichReady':
    'Translations of {title} into {language} are ready: {words} words ({translator}). Open one with “vocab word <word>”, or get them all for Anki with “vocab export”.',
  'vocab.enrichProgressLine': 'Translating into {language} ({translator}): {done} of {total} words…',
  'vocab.enrichDoneLine':
    'Translations into {language} are ready ({words} words): “vocab word <word>” or “vocab export”.',
  'vocab.enrichFailedLine': 'Translations stopped: {why}.',
  'vocab.enrichFailed': 'I could not translate the words of {title} into {language}: {why}.',
  'vocab.enrichPaused':
    'Translating {title} into {language} is paused: {why}. I’ll carry on by myself in about {minutes} minutes and message you when it’s done.',
  'vocab.why.quota': 'the translation quota is used up',
  'vocab.why.rate_limited': 'the translator asks us to slow down',
  'vocab.why.unavailable': 'the translator is not answering',
  'vocab.why.timeout': 'the translator is not answering',
  'vocab.why.server_error': 'the translator is having trouble',
  'vocab.why.auth': 'the translator refused the key it was given',
  'vocab.why.rejected': 'the translator refused the request',
  'vocab.why.not_found': 'the translator’s address looks wrong',
  'vocab.why.bad_response': 'the translator answered something I can’t read',
  'vocab.why.no_vocab': 'the word list is gone; ask for it again',
  'vocab.why.unsupported': 'that language is not supported',
  'vocab.why.unexpected': 'something went wrong on my side',
  'vocab.noMovie':
    'Which movie? Ask for its words first, e.g. “vocab Inception in French”, then “{command}”.',
  'vocab.wordUsage': 'Which word? e.g. “vocab word kick”.',
  'vocab.wordNotFound': '“{word}” is not among the words of {title}.',
  'vocab.exportEmpty': 'There are no {range} words in {title} to export.',
  'vocab.exportReady':
    '{title}: {words} {range} words for Anki (File → Import; tab-separated, tags in column {tagsColumn}).{note}',
  'vocab.statusNone': 'You have no translation jobs. Start one with “vocab Inception in French”.',
  'vocab.status': 'Your translation jobs:\n{jobs}',
  'vocab.stats': '{stats}',
  'vocab.adminOnly': 'Only an admin can do that.',
  'vocab.backfillUsage': 'Which language? e.g. “vocab backfill French”.',
  'vocab.backfill':
    'Backfill into {language}: {started} jobs started, {joined} already under way, {ready} already done.',

  // Lines of "vocab word", "vocab status", "vocab stats" and "vocab export", composed by the desk.
  'vocab.exampleWord': 'kick',
  'vocab.thisMovie': 'this movie',
  'vocab.wordHead': '{word} ({pos}) · {level} · ×{count} in {title}',
  'vocab.wordTranslation': '{language}: {translation}',
  'vocab.wordExamples': 'Examples:',
  'vocab.wordExample': '{n}. “{line}”',
  'vocab.wordExampleBy': '{n}. {speaker}: “{line}”',
  'vocab.wordExampleTranslation': '   → {translation}',
  'vocab.wordExamplesUntranslated': '(The examples could not be translated just now: {why}.)',
  'vocab.level.unlisted': 'no level (unlisted)',
  'vocab.level.estimated': '~{level} (estimated)',
  'vocab.level.listed': '{level} ({source})',
  'vocab.translation.noEntry': 'no entry in {translator}',
  'vocab.translation.noTranslator': 'no translation (translations need DEEPL_API_KEY or LIBRETRANSLATE_URL)',
  'vocab.translation.noJob': 'no translation yet',
  'vocab.translation.stopped': 'not translated yet ({why})',
  'vocab.translation.coming': 'on its way ({done} of {total} words done)',
  'vocab.statusJob': '• {title} → {language}: {state}',
  'vocab.job.queued': 'waiting to start ({done} of {total} words)',
  'vocab.job.running': 'translating, {done} of {total} words',
  'vocab.job.ready': 'ready, {total} words ({translator})',
  'vocab.job.paused': 'paused at {done} of {total} words: {why}',
  'vocab.job.pausedUntil': 'paused at {done} of {total} words: {why}; carrying on after {time} UTC',
  'vocab.job.failed': 'failed: {why}',
  'vocab.statsJobs':
    'Translation jobs: {jobs} ({ready} ready, {underWay} under way, {paused} paused, {failed} failed).',
  'vocab.statsTranslated': 'Words translated: {words}; example sentences translated: {sentences}.',
  'vocab.statsCharacters':
    'Characters sent: {words} for words, {sentences} for sentences, in {requests} requests.',
  'vocab.statsJob': '• {title} → {language}: {words} + {sentences} characters ({translator}), {state}',
  'vocab.state.queued': 'queued',
  'vocab.state.running': 'running',
  'vocab.state.ready': 'ready',
  'vocab.state.paused': 'paused',
  'vocab.state.failed': 'failed',
  'vocab.exportSomeUntranslated': 'Some example translations are missing: {why}.',
  'vocab.exportPartial': 'Translations are at {done} of {total} words; export again when they’re ready.',
} satisfies Record<string, string>;

/** A code of the vocabulary side's wording. */
export type VocabCode = keyof typeof TEXT;

export function sayVocab(code: VocabCode, values: Record<string, string | number | undefined> = {}): string {
  const template: string = TEXT[code];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export function vocabReply(code: VocabCode, values: Record<string, string | number | undefined> = {}): Reply {
  return { code, text: sayVocab(code, values) };
}

/** Why a job stopped, in words: `quota` → "the translation quota is used up". */
export function whyVocab(reason: string | undefined): string {
  const code = `vocab.why.${reason ?? 'unexpected'}`;
  return sayVocab(code in TEXT ? (code as VocabCode) : 'vocab.why.unexpected');
}
