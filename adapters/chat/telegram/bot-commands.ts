/**
 * The menu Telegram shows when someone types "/" (setMyCommands). Each command is also a word
 * the core understands ("/add Dexter" reaches it as "add Dexter"). Telegram's rules: 1–32
 * lowercase letters, digits or underscores; a description of 1–256 characters.
 */
import type { BotCommand } from 'telegraf/types';

export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: 'add', description: 'Add a movie, show or music: /add Dexter' },
  { command: 'vocab', description: 'A film’s vocabulary by CEFR level: /vocab Inception in French' },
  { command: 'requests', description: 'What you asked for and where it is' },
  { command: 'cancel', description: 'Drop a request that has not been sent: /cancel <id>' },
  { command: 'help', description: 'What I can do' },
  { command: 'start', description: 'Say hello and see what I can do' },
];
