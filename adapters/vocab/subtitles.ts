/**
 * SubRip (.srt), WebVTT (.vtt) and SubStation (.ass/.ssa, recognised by content: ass-subtitles.ts)
 * text → the spoken lines, as a transcript the core can read: one paragraph per sentence-ish run
 * of cues. Dropped: cue numbers, timings, VTT headers, NOTE and STYLE blocks, tags (<i>, <font>,
 * {\an8}), speaker dashes, hearing-impaired notes ([door slams], (laughs)), speaker labels
 * ("JOHN:") and music lines (♪, or # in files without the note), and whole cues marked as another
 * language ("[IN SPANISH] El médico…"): those are not English.
 */
import { spokenLanguage } from '../../src/core/vocab/foreign.js';
import { assEventLines, looksLikeAss } from './ass-subtitles.js';

const TIMING = /^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}/;

/** The cues' text, in order, one cue per item, cleaned. Empty cues are left out. */
export function subtitleCues(text: string): string[] {
  const shown = looksLikeAss(text) ? assEventLines(text) : srtCueLines(text);
  const cues: string[] = [];
  for (const lines of shown) {
    if (otherLanguage(lines.join(' '))) continue;
    const body = lines.map(cleanLine).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    if (body) cues.push(body);
  }
  return cues;
}

/** The text lines of each .srt/.vtt cue: what follows its timing line. */
function srtCueLines(text: string): string[][] {
  const blocks = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/);
  const out: string[][] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const t = lines.findIndex((l) => TIMING.test(l));
    if (t >= 0) out.push(lines.slice(t + 1)); // else: WEBVTT header, NOTE, STYLE, REGION, stray text
  }
  return out;
}

/** A note such as "[IN SPANISH]" or "(speaking Hebrew)" in the cue. */
function otherLanguage(cue: string): boolean {
  for (const m of cue.matchAll(/[[(]([^\])]{2,40})[\])]/g)) if (spokenLanguage(m[1] as string)) return true;
  return false;
}

function cleanLine(line: string): string {
  return line
    .replace(/<[^>]*>/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/^\s*[-–—]\s*/, '')
    .replace(/^[A-Z][A-Z .'-]{1,30}:\s*/, '')
    .replace(/[♪♫#].*$/, '')
    .trim();
}

/**
 * Cues joined into paragraphs: a cue that does not end a sentence runs on into the next one, so
 * "I don't know what" + "you mean." reads as one sentence.
 */
export function subtitleTranscript(text: string): string {
  const paras: string[] = [];
  let current = '';
  for (const cue of subtitleCues(text)) {
    current = current ? `${current} ${cue}` : cue;
    if (/[.!?…"”']$/.test(cue)) {
      paras.push(current);
      current = '';
    }
  }
  if (current) paras.push(current);
  return paras.join('\n\n');
}
