// `faro` command line: dispatches to one command module per subcommand.
// Exit codes: 0 success, 1 content errors, 2 bad usage.
import { isAbsolute, relative } from 'node:path';
import { FaroError, UsageError, formatDiagnostic } from './diagnostics.js';
import { helpText, parseCommandArgs, type Command, type CommandIO } from './cli/command.js';

// Loaded on demand: a command's modules (the Markdown and Liquid engines, nunjucks, the dev
// server) take longer to load than an up-to-date `faro build` takes to run.
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.js')).buildCommand,
  render: async () => (await import('./commands/render.js')).renderCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  new: async () => (await import('./commands/new.js')).newCommand,
  dev: async () => (await import('./commands/dev.js')).devCommand,
};

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `faro — Jekyll-compatible static help-center generator\n\nUsage: faro <command> [options]\n\nCommands:\n${list}\n\nRun \`faro <command> --help\` for a command's options.\n`;
}

export function defaultIO(): CommandIO {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
  };
}

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(await mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${FARO_VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`faro: unknown command "${name}"\n\n${await mainHelp()}`);
    return 2;
  }
  const command = await load();
  try {
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      io.stdout(helpText(command));
      return 0;
    }
    return await command.run(values, positionals, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`faro ${command.name}: ${error.message}\n\n${helpText(command)}`);
      return 2;
    }
    if (error instanceof FaroError) {
      const d = error.toDiagnostic();
      io.stderr(`${formatDiagnostic({ ...d, file: isAbsolute(d.file) ? relative(io.cwd, d.file) || d.file : d.file })}\n`);
      return 1;
    }
    throw error;
  }
}

export const FARO_VERSION = '0.1.0';
