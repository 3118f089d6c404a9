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
].join('\n');

const TEXT: Record<string, string> = {
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
};

export function sayVocab(code: string, values: Record<string, string | number | undefined> = {}): string {
  const template = TEXT[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export function vocabReply(code: string, values: Record<string, string | number | undefined> = {}): Reply {
  return { code, text: sayVocab(code, values) };
}
