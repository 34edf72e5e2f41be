// A CLI command: its options (node:util parseArgs format), help text and action.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../diagnostics.js';

export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal and CI is not set (progress lines allowed). */
  interactive: boolean;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command<O extends Options = Options> {
  name: string;
  summary: string;
  usage: string;
  /** Lines describing each option, shown by --help. */
  help: string;
  options: O;
  allowPositionals?: boolean;
  /** Returns the exit code: 0 success, 1 content errors, 2 bad usage. */
  run(values: ParsedValues, positionals: string[], io: CommandIO): Promise<number>;
}

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export function parseCommandArgs(command: Command, argv: string[]): { values: ParsedValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as ParsedValues, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function helpText(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}\n\nOptions:\n${command.help}\n  -h, --help               show this help\n`;
}

export const stringOption = (values: ParsedValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export const listOption = (values: ParsedValues, name: string): string[] => {
  const value = values[name];
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [String(value)];
  return items.flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
};
