// `faro` command line: dispatches to one command module per subcommand.
// Exit codes: 0 success, 1 content errors, 2 bad usage.
import { isAbsolute, relative } from 'node:path';
import { FaroError, UsageError, formatDiagnostic } from './diagnostics.js';
import { helpText, parseCommandArgs, type Command, type CommandIO } from './cli/command.js';
import { buildCommand } from './commands/build.js';
import { renderCommand } from './commands/render.js';
import { checkCommand } from './commands/check.js';
import { newCommand } from './commands/new.js';
import { devCommand } from './commands/dev.js';

const COMMANDS: Command[] = [buildCommand, renderCommand, checkCommand, newCommand, devCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
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
    (name === undefined ? io.stderr : io.stdout)(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${FARO_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`faro: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
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
