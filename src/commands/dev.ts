// `faro dev`: build, serve on 127.0.0.1, rebuild on every change and reload open pages;
// errors show in the page over the last good build. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
import { UsageError } from '../diagnostics.js';
import { stringOption, type Command } from '../cli/command.js';
import { progressLine } from '../dev/progress-line.js';
import { startDevServer } from '../dev/dev-server.js';
import { loadSiteConfig, SITE_OPTIONS, SITE_OPTIONS_HELP } from './site-options.js';

export const devCommand: Command = {
  name: 'dev',
  summary: 'Build, serve and rebuild on every change, reloading open pages (errors show in the page).',
  usage: 'faro dev [--port 4000] [--host 127.0.0.1] [--config FILE] [--source DIR] [--out DIR]',
  help: [
    '  --port N                 port to listen on (default 4000; 0 picks a free one)',
    '  --host ADDRESS           address to listen on (default 127.0.0.1, this machine only)',
    SITE_OPTIONS_HELP,
  ].join('\n'),
  options: {
    ...SITE_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const portText = stringOption(values, 'port') ?? '4000';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
    const host = stringOption(values, 'host') ?? '127.0.0.1';
    let progress = progressLine(io, 'faro dev: rendering');
    const server = await startDevServer({
      loadConfig: () => loadSiteConfig(values, io),
      host,
      port,
      log: (text) => {
        progress.clear();
        progress = progressLine(io, 'faro dev: rendering');
        io.stderr(text);
      },
      onProgress: (done, total) => progress.update(done, total),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use; try --port ${port + 1}`);
      if (error.code === 'EADDRNOTAVAIL') throw new UsageError(`cannot listen on ${host}: no such address here`);
      throw error;
    });
    const base = server.builder.config.baseurl;
    io.stderr(`faro dev: serving ${server.url}${base}/ from ${server.builder.config.outDir} (Ctrl-C stops)\n`);
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
      io.stderr(`faro dev: listening on ${host}: other machines on the network can read the site\n`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stderr('faro dev: stopping\n');
    await server.close();
    return 0;
  },
};
