/**
 * Every sentence the media side of the bot says, by code. Chats render the same words; tests
 * assert on codes. Values are interpolated as {name}.
 */
import type { Reply } from './types.js';

export const USAGE = [
  'Try:',
  '• add Dexter — I work out whether it is a movie, a show or music',
  '• add movie Dune 2021 · add show Fargo · add artist Radiohead · add album OK Computer',
  '• requests — what you asked for and where it is',
  '• cancel <id> — drop a request that has not been sent',
  '• why <id> — how a request was decided: the scores, factor by factor',
  '• vocab Inception in French — the film’s vocabulary by CEFR level',
].join('\n');

export const ADMIN_USAGE = [
  'Admin commands:',
  '• doctor — check the configuration and every service',
  '• process — run the retry/availability job now',
  '• retry [id] — failed requests back in the queue',
  '• reclassify <id> movie|series|music|radarr|sonarr|lidarr — correct a request and send it again',
  '• approve <id> · decline <id> — decide a request waiting for approval',
  '• backfill-ids — look up missing ids of stored requests',
  '• report [--days N] — requests by service and status, success rate, confidence',
].join('\n');

const TEXT = {
  help: `I add movies, shows and music to the media server, and list a film’s vocabulary.\n${USAGE}`,
  'parse.unknown': `I don’t know “{verb}”.\n${USAGE}`,
  'parse.empty': USAGE,
  'parse.emptyTitle': 'Add what? Give me a title, e.g. “add Dexter” or “add movie Dune 2021”.',
  'parse.tooLong': 'That is too long for a title (at most {max} characters). Send just the title.',
  'parse.controlChars': 'That message has invisible control characters in it; please retype the title.',
  'parse.seasonZero':
    'Season 0 is where specials are kept, so I don’t request it by number. Ask for a season from 1, e.g. “add {title} season 1”.',
  'parse.cancelUsage': 'Say which request: “cancel <id>” (the id is in “requests”).',
  'parse.retryUsage': 'Say “retry” for every failed request, or “retry <id>” for one.',
  'parse.reclassifyUsage':
    'Say “reclassify <id> <kind or service>”: a kind (movie, series, music, artist, album) or a service (radarr, sonarr, lidarr, radarr-4k …).',
  'parse.reportUsage': 'Say “report” for the last 30 days, or “report --days 7” (0 = everything).',
  'parse.approveUsage': 'Say “{verb} <id>” (the id is in the approval message).',
  'parse.whyUsage': 'Say which request: “why <id>” (the id is in “requests”).',

  'media.pick': 'Which one do you mean{sourcesNote}?',
  'media.didYouMean': 'I found nothing called “{title}”. Did you mean one of these{sourcesNote}?',
  // Added under another title than the one typed (an original title, an alias, a spelling).
  'media.readAs': '{typed} → {title}',
  'media.sourcesAside': '({note})',
  'media.leftOut': ' — left out: {sources}',
  'media.sourceLate': '{source} (too slow)',
  'media.sourceDown': '{source} (not answering)',
  'media.didNotAnswer': '{sources} did not answer',
  'media.noSourceAnswered': 'no search source answered ({sources})',
  'media.searchingNow': ' — searching for it now',
  'media.whyTimeout': 'it timed out',
  'media.whyRateLimited': 'it asked me to slow down',
  'media.whyServerError': 'it answered with an error{status}',
  'media.whyUnavailable': 'it can’t be reached',
  'media.whyBusy': 'it is still busy with it',
  'media.whyBadResponse': 'it sent an answer I could not read',
  'media.seasonsAll': 'All seasons',
  'media.seasonsFirst': 'First season',
  'media.seasonsLatest': 'Latest season',
  'media.seasonsFuture': 'Future episodes only',
  'media.notFound': 'I found nothing called “{title}”{sourcesNote}.',
  'media.catalogsDown':
    'I can’t search right now: {sources}. I kept your request ({id}) and will try again; I’ll tell you what I find.',
  'media.statusNow': 'Your request {id}, {title}: {status}.{reason}',
  'media.repeat': 'That message was delivered twice; the first delivery is being answered.',
  'media.noCatalogs':
    'No search source is set up, so I can’t look titles up. An admin needs to set TMDB_API_KEY or an *arr URL (see README).',
  'media.noVideoSources':
    'Only music sources are set up, so I can’t find movies or shows: an admin can set TMDB_API_KEY, or SONARR_URL/RADARR_URL with their keys.',
  'media.whichBackend': 'Where should {title} go?',
  'media.whichSeasons': 'Which seasons of {title} should be monitored?',
  'media.cancelledOption': 'OK, {title} was not added.',
  'media.seasonAdded':
    'Added {title} to {backend} with only season {season} monitored. {backend} searches for it as soon as it has loaded the episodes.',
  'media.seasonMonitored': 'Season {season} of {title} is now monitored in {backend} — searching for it now.',
  'media.seasonAlreadyMonitored':
    'Season {season} of {title} was already monitored in {backend}; I asked it to search again.',
  'media.noSuchSeason': '{title} has no season {season} in {backend}.',
  'media.added': 'Added {title} to {backend}{searching}.',
  'media.alreadyPresent': '{title} is already in your library ({backend}).',
  'media.monitoredExisting':
    '{title} was in {backend} but not monitored, so nothing would have been downloaded. I’ve turned monitoring on{searching}.',
  'media.retrying':
    '{backend} is not answering ({why}). I kept your request ({id}); I’ll retry and tell you.',
  'media.retryingBusy':
    '{backend} is still loading {title} ({why}). I kept your request ({id}) and will finish it in a few minutes.',
  'media.failedRefused': '{backend} refused {title}: {why}',
  'media.failedAuth':
    '{backend} rejected the bot’s API key, so I couldn’t add {title}. An admin needs to check {envKey}.',
  // Overseerr refusals, as the `why` of media.failedRefused.
  'media.overseerrUnknownUser':
    'OVERSEERR_USER_MAP sends {who} as Overseerr user {overseerrId}, and Overseerr has no such user. An admin needs to fix OVERSEERR_USER_MAP.',
  'media.overseerrNoTmdb': 'it could not get {kind} {tmdbId} from TMDb',
  'media.noBackend': 'I can’t add {kind}s: no {service} is set up on this bot. An admin can set {envUrl}.',
  'media.noId': 'I can’t add {title}: {backend} needs a {idName} and none of my sources has one for it.',
  'media.gaveUp': 'I gave up adding {title} after {attempts} tries: {why}',
  'media.available': '{title} is ready in {backend}. Enjoy!',
  'media.cancelledNone': 'OK, nothing added. Try the year or the kind, e.g. “add movie {title} 1982”.',
  'media.unexpected':
    'Something went wrong on my side adding {title}. It is saved ({id}); an admin can look at the logs.',

  'choice.expired': 'Those buttons have expired or were already used. Ask again with “add …”.',
  'choice.notYours': 'These buttons belong to the person who asked.',
  'choice.invalid': 'That is not one of the options.',
  'choice.noneLabel': 'None of these',
  'choice.cancelLabel': 'Cancel',

  'requests.none': 'You have no requests yet. Try “add Dexter”.',
  'requests.list': 'Your requests, newest first:\n{lines}',
  'cancel.done': 'Cancelled {title} ({id}).',
  'cancel.notFound': 'I have no request {id} of yours.',
  'cancel.tooLate': '{title} ({id}) is already {status}; it can’t be cancelled.',

  // "why <id>" (media/explain-decision.ts).
  'why.notFound': 'There is no request {id}. Your requests and their ids are in “requests”.',
  'why.notYours': '{id} is someone else’s request; only they and the bot’s admins can ask why.',
  'why.notDecided': '{id} (“{title}”) has not been decided yet.',
  'why.noScores': 'Why {id} (“{title}”): {decision}. No candidates were scored.',
  'why.report': 'Why {id} (“{title}”): {decision}.\n{top}\n{runnerUp}\n{rule}',
  'why.candidate': 'Top: {title} — score {score}:',
  'why.factor': '  • {factor} {value} × {weight} = {points}',
  'why.runnerUp': 'Runner-up: {title} — score {score}; margin {margin}.',
  'why.noRunnerUp': 'No runner-up: it was the only candidate.',
  'why.rule':
    'Rule: add without asking at a score of at least {minScore} (AUTO_MIN_SCORE) and a margin of at least {minMargin} (AUTO_MIN_MARGIN), or at that score when the typed year or an exact, far better known title settles it.',
  'why.auto': 'added without asking — score {score} ≥ {minScore} and margin {margin} ≥ {minMargin}',
  'why.autoYear':
    'added without asking — the only work of {year} with that title (score {score} ≥ {minScore})',
  'why.autoExact':
    'added without asking — its title is the one typed and every other work of that title is far less known (score {score} ≥ {minScore})',
  'why.askScore': 'asked which one — score {score} is below {minScore}',
  'why.askMargin': 'asked which one — score {score} ≥ {minScore}, but margin {margin} is below {minMargin}',
  'why.askTwoKnown': 'asked which one — more than one well-known work carries that title',
  'why.none':
    'found nothing — no candidate read as the title typed with a score of at least {offerMin} (OFFER_MIN_SCORE)',
  'why.noneOffered': '; the closest were offered as “Did you mean …?”',
  'why.unavailable': 'kept for later — no search source answered',
  'why.byKey': 'chosen by an admin (reclassify)',
  'why.picked': '; then {title} was picked',

  'media.awaitingApproval':
    '{title} is waiting for an admin’s approval ({id}). I’ll tell you when they have decided.',

  'access.denied':
    'Sorry, you can’t make requests with this bot. If you should be able to, ask its admin to add you (your id is {who}).',
  'admin.denied': 'Only the bot’s admins can use “{verb}”.',
  'quota.reached': 'You have reached your limit of {limit} requests per {period}. You can ask again {when}.',
  'quota.when': 'in {wait} ({at})',

  'approval.request': '{who} asks for {title} → {backend} ({id}{confidence}). Approve it?',
  'approval.approveLabel': '✅ Approve',
  'approval.declineLabel': '✖ Decline',
  'approval.confidence': ', confidence {score}',
  'approval.noService': 'no service',
  'approval.approved': 'An admin approved your request ({id}). {outcome}',
  'approval.declined': 'An admin declined your request for {title} ({id}).',
  'approval.approvedDone': 'Approved {title} ({id}). {outcome}',
  'approval.declinedDone': 'Declined {title} ({id}); {who} has been told.',
  'approval.alreadyDecided': '{title} ({id}) is no longer waiting for approval: it is {status}.',

  'admin.help': `{help}\n\n${ADMIN_USAGE}`,
  'admin.notFound': 'There is no request {id}.',
  'admin.unknownTarget':
    '“{target}” is neither a kind (movie, series, music, artist, album) nor a configured service ({services}).',
  'admin.reclassified': 'Reclassified {id} as {target}: {outcome}',
  'admin.reclassifiedNotice': 'An admin corrected your request {id}: {outcome}',
  'admin.retried':
    '{count} request(s) back in the queue: {ids}. They go out at the next run; say “process” to run it now.',
  'admin.retryNone': 'No failed requests to retry.',
  'admin.retryNotFailed': '{id} is {status}, not failed: nothing to retry.',
  'admin.processed': 'Processed: {retried} retried, {sent} sent, {failed} failed, {available} now available.',
  'admin.processBusy': 'A run is already going; try again in a moment.',
  'admin.backfilled':
    'Checked {checked} request(s) with missing ids: {updated} updated, {still} still missing.{lines}',
  'admin.backfillNone': 'Every stored request already has the ids its service needs.',
  'admin.report': '{report}',
  'admin.doctor': '{report}',
  'admin.doctorUnavailable': 'The doctor is not available in this process; run `npm run doctor` on the host.',

  'vocab.unavailable': 'Vocabulary lists are not set up on this bot.',

  // What a chat adapter says about the message itself, before the core sees it.
  'chat.working': '⏳ Working on it…',
  'chat.fileNotSubtitles':
    'I can read subtitle files (.srt, .vtt, .ass, .ssa) or plain text; “{file}” is neither.',
  'chat.fileTooLarge':
    '“{file}” is larger than {maxMb} MB; send a smaller subtitle file (.srt, .vtt or .ass).',
  'chat.fileRefused': '{platform} would not give me “{file}” ({status}); please send it again.',
  'chat.fileDownloadFailed': 'I couldn’t download “{file}” from {platform}; please send it again.',
  'internal.error': 'Sorry, something went wrong on my side. Please try again.',
} satisfies Record<string, string>;

/** A code of the media side's wording; a missing one fails tsc, not the person reading. */
export type MediaCode = keyof typeof TEXT;

export function say(code: MediaCode, values: Record<string, string | number | undefined> = {}): string {
  const template: string = TEXT[code];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export function textReply(
  code: MediaCode,
  values: Record<string, string | number | undefined> = {},
  extra: Partial<Reply> = {},
): Reply {
  return { code, text: say(code, values), ...extra };
}
