/**
 * Operator commands against a live database (DATABASE_URL, or the embedded one in GUILDHALL_DATA_DIR):
 *   npm run cli -- create-admin --email a@b.org --password '…'
 * Further commands register in COMMANDS.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UsersService } from '../../../libs/accounts/src/index.js';
import { loadConfig } from '../../../libs/core/src/index.js';
import { importMembersCommand } from '../../../libs/members/src/index.js';
import { AppModule } from './app.module.js';

type Command = (app: INestApplicationContext, args: ParsedArgs) => Promise<number>;
interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

function parseArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) parsed.flags[name] = inline;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) parsed.flags[name] = argv[++i];
      else parsed.flags[name] = true;
    } else parsed.positional.push(arg);
  }
  return parsed;
}

const COMMANDS: Record<string, Command> = {
  async 'create-admin'(app, { flags }) {
    const email = typeof flags.email === 'string' ? flags.email.trim().toLowerCase() : '';
    const password = typeof flags.password === 'string' ? flags.password : '';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return fail('--email must be an email address');
    if (password.length < 10) return fail('--password must be at least 10 characters');
    const outcome = await app.get(UsersService).createAdmin(email, password, 'cli');
    console.log(`${email}: ${outcome === 'created' ? 'admin created' : outcome === 'promoted' ? 'promoted to admin' : 'already an admin'}`);
    return 0;
  },
};

export function registerCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}

registerCommand('import-members', importMembersCommand);

function fail(message: string): number {
  console.error(message);
  return 2;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const name = args.positional.shift();
  const command = name ? COMMANDS[name] : undefined;
  if (!command) return fail(`usage: npm run cli -- <${Object.keys(COMMANDS).join('|')}> [options]`);
  const config = loadConfig({ ...process.env, GUILDHALL_JOBS_ENABLED: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    return await command(app, args);
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
