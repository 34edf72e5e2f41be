// One article through renderArticle, the same way on the main thread and in a worker:
// failures become diagnostics, and when asked, the files the render read are recorded so
// the result can be cached with its dependencies.
import { toDiagnostic, type Diagnostic } from '../diagnostics.js';
import { collectionKeysOf, dependenciesOf, RecordingFileSystem, type ArticleDependencies } from '../cache/dependencies.js';
import { renderArticle, type ArticleInput, type RenderSettings } from '../render-article.js';
import type { Heading, LinkReference } from '../markdown/types.js';

export interface RenderJobOutput {
  /** Absent when the article failed (its diagnostics say why). */
  html?: string;
  headings: Heading[];
  links: LinkReference[];
  diagnostics: Diagnostic[];
  /** Present when the render was recorded. */
  deps?: ArticleDependencies;
}

/** Settings whose file system records reads, one per settings object (engines are cached per object). */
const recordingSettings = new WeakMap<RenderSettings, { settings: RenderSettings; recorder: RecordingFileSystem }>();

export function recordingFor(settings: RenderSettings): { settings: RenderSettings; recorder: RecordingFileSystem } {
  let recording = recordingSettings.get(settings);
  if (!recording) {
    const recorder = new RecordingFileSystem(settings.fs);
    recording = { settings: { ...settings, fs: recorder }, recorder };
    recordingSettings.set(settings, recording);
  }
  return recording;
}

export function renderJob(input: ArticleInput, settings: RenderSettings, record: boolean): RenderJobOutput {
  const recording = record ? recordingFor(settings) : undefined;
  recording?.recorder.start();
  let output: RenderJobOutput;
  try {
    const result = renderArticle(input, recording?.settings ?? settings);
    const failed = result.diagnostics.some((d) => d.severity === 'error');
    output = { html: failed ? undefined : result.html, headings: result.headings, links: result.links, diagnostics: result.diagnostics };
  } catch (error) {
    output = { headings: [], links: [], diagnostics: [toDiagnostic(error, { file: input.file, source: input.source })] };
  }
  if (recording) output.deps = dependenciesOf(input.body, recording.recorder.finish(), collectionKeysOf(settings.site));
  return output;
}
