/**
 * Why the bot could not start (getMe, deleteWebhook or setWebhook failed), as an UpstreamError the
 * chat supervisor acts on: a refused token is final, anything else (the API down, slow, 5xx, 429,
 * a webhook URL Telegram cannot reach yet) is worth another try. The message never holds the
 * token, which is in every request URL.
 */
import { TelegramError } from 'telegraf';
import { UpstreamError } from '../../../src/core/errors.js';
import { apiErrorOf, describeError } from './api-errors.js';

export function startFailure(err: unknown, token: string, mode: 'polling' | 'webhook'): UpstreamError {
  const api = apiErrorOf(err);
  if (api) {
    const said = `HTTP ${api.code}${api.description ? ` ${describeError(err, [token]).description}` : ''}`;
    const opts = { status: api.code, cause: err };
    // A revoked token is 401; a malformed one is 404 (the route /bot<token>/ does not exist).
    if (api.code === 401 || api.code === 404)
      return new UpstreamError(
        'telegram',
        'auth',
        `Telegram refused TELEGRAM_BOT_TOKEN (${said}): copy the token again from @BotFather (/mybots → your bot → API Token) and restart reelbot`,
        opts,
      );
    if (api.code === 429)
      return new UpstreamError('telegram', 'rate_limited', `Telegram asked to slow down (${said})`, {
        ...opts,
        ...(api.retryAfterSec !== undefined ? { retryAfter: api.retryAfterSec } : {}),
      });
    const failure = api.code >= 500 ? 'server_error' : 'rejected';
    // setWebhook's 400 "bad webhook: …" (Client.cpp on_webhook_closed): Telegram could not reach the URL.
    if (mode === 'webhook' && api.code === 400)
      return new UpstreamError(
        'telegram',
        failure,
        `Telegram refused TELEGRAM_WEBHOOK_URL (${said}): it must be public https on port 443, 80, 88 or 8443 and reach HTTP_PORT through the reverse proxy`,
        opts,
      );
    return new UpstreamError('telegram', failure, `Telegram refused to start the bot (${said})`, opts);
  }
  const message = String(describeError(err, [token]).message ?? err);
  // An answer without error_code: something else is listening at TELEGRAM_API_ROOT.
  if (err instanceof TelegramError)
    return new UpstreamError(
      'telegram',
      'bad_response',
      `Telegram refused to start the bot: the answer is not the Bot API's (${message}); check TELEGRAM_API_ROOT`,
      { cause: err },
    );
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'))
    return new UpstreamError('telegram', 'timeout', `Telegram did not answer in time (${message})`, {
      cause: err,
    });
  return new UpstreamError('telegram', 'unavailable', `Telegram is not reachable (${message})`, {
    cause: err,
  });
}

/**
 * Why long polling ended for good (poller.ts gives up only on these), and whether starting again
 * can help. 409: a newer getUpdates or a setWebhook took this bot's updates over (Client.cpp:
 * "Conflict: terminated by other getUpdates request; make sure that only one bot instance is
 * running", "Conflict: terminated by setWebhook request") — polling again would take them back
 * from it, so it is final. 401: the token was revoked.
 */
export function pollingLost(err: unknown, token: string): [UpstreamError, boolean] {
  const api = apiErrorOf(err);
  if (api?.code === 409) {
    const said = describeError(err, [token]).description ?? 'Conflict';
    return [
      new UpstreamError(
        'telegram',
        'rejected',
        `Telegram gave this bot's updates to someone else (HTTP 409 ${String(said)}): run one polling bot per token, or put every bot behind TELEGRAM_WEBHOOK_URL, and restart reelbot`,
        { status: 409, cause: err },
      ),
      true,
    ];
  }
  const failure = startFailure(err, token, 'polling');
  return [failure, failure.failure === 'auth'];
}
