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
  '• vocab Breaking Bad S01E01 · vocab Breaking Bad season 1 — an episode, or a whole season as one list',
  '• vocab Inception from subtitles · vocab Inception from script — choose the source',
  'Send a .srt, .vtt or .ass subtitle file with the command to use it as the script.',
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
    'I found no script for {title} on {source}. Send its subtitles (.srt, .vtt or .ass) with “vocab {title}” and I’ll use those.',
  'vocab.scriptTooShort':
    'The script I found for {title} on {source} is too short to grade ({chars} characters of text). Send its subtitles (.srt, .vtt or .ass) instead.',
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
  'vocab.attachmentUnsupported':
    'I can read .srt, .vtt, .ass and .ssa subtitle files; “{file}” is none of those.',
  'vocab.seasonZero':
    '“{part}”: seasons and episodes count from 1 (season 0 is where specials are kept). Try “S01E01” or “season 1”.',
  'vocab.whichEpisode':
    'Which episode or season of {title}? e.g. “vocab {title} S01E01” or “vocab {title} season 1”.',
  'vocab.noSourceFor.script':
    'No screenplay source is set up here, so I can’t grade {title} from a script. “vocab {title}” uses what there is.',
  'vocab.noSourceFor.subtitles':
    'No subtitle source is set up here (Bazarr, subtitle files beside the media, OpenSubtitles), so I can’t grade {title} from subtitles. Send its .srt, .vtt or .ass with “vocab {title}” and I’ll use those.',
  'vocab.noSourceFor.episode':
    'Episodes are graded from subtitles, and no subtitle source is set up here (Bazarr, subtitle files beside the media, OpenSubtitles). Send the episode’s .srt, .vtt or .ass with “vocab {title}” and I’ll use those.',

  // Lines around a list graded from a title: sources skipped, the source used, a season's episodes.
  'vocab.skip.not_found': '{source}: no {thing} for {title}',
  'vocab.skip.too_short': '{source}: the {thing} for {title} is too short to grade',
  'vocab.skip.too_large': '{source}: what it sent for {title} is too large',
  'vocab.skip.not_script': '{source}: what it sent for {title} is not {thing}',
  'vocab.skip.quota': '{source}: no downloads left today{resets}',
  'vocab.skip.down': '{source}: can’t reach it ({why})',
  'vocab.skipped': '{skipped}; used {source}.',
  'vocab.thing.screenplay': 'script',
  'vocab.thing.subtitles': 'subtitles',
  'vocab.resetsAt': ' (it resets at {time} UTC)',
  'vocab.sourceUsed': 'Source: {sources} ({thing}).{offer}',
  'vocab.offer.script': ' Say “vocab {command} from script” for the screenplay.',
  'vocab.offer.subtitles': ' Say “vocab {command} from subtitles” for the subtitles.',
  'vocab.seasonHead':
    'Season {season} of {title}, {count} episodes as one list. Words per episode: {perEpisode}.',
  'vocab.seasonMissing': 'Not in the list: {gaps}.',
  'vocab.gap.not_found': '{episodes} (no subtitles found)',
  'vocab.gap.unusable': '{episodes} (the subtitles found were unusable)',
  'vocab.gap.quota': '{episodes} (no downloads left today{resets}; ask again then)',
  'vocab.gap.down': '{episodes} (a source could not be reached; ask again in a while)',
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
  'vocab.translation.coming': 'translating… ({done} of {total} words done)',
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

  // The list as a browser (browser/): level tabs, pages, a button per word, a language menu.
  'vocab.pageHead': '{range} words, most frequent first ({from}–{to} of {total}, page {page} of {pages}):',
  'vocab.pageNone': 'No {range} words in this script.',
  'vocab.wordExamplesLater': '(The examples are translated once all the words are.)',
  'vocab.enrichPausedLine': 'Translations into {language} are paused at {done} of {total} words: {why}.',
  'vocab.languages':
    'Which language should the words of {title} be translated into? ✓ marks those ready now. For another, say “vocab {title} in <language>”.',
  'vocab.browseExpired':
    'These buttons belong to a list I no longer have. Ask for it again, e.g. “vocab Inception in French”.',
  'vocab.browseNotYours':
    'Only the person who asked for this list can use its buttons. Ask for your own with “vocab <movie>”.',
  'vocab.keys.list':
    'Type a number to open a word · n / p for the next or previous page · {levels} for a level · e to export for Anki · l for another language.',
  'vocab.keys.word': 'Type b to go back · e to export for Anki · l for another language.',
  'vocab.keys.languages': 'Type a number to pick a language · b to go back.',
  'vocab.button.prev': '‹ Prev',
  'vocab.button.next': 'Next ›',
  'vocab.button.back': '‹ Back',
  'vocab.button.export': 'Export for Anki',
  'vocab.button.language': 'Another language',
  'vocab.button.home': '★ {range}',
  'vocab.button.ready': '✓ {language}',
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
