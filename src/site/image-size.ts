// Pixel size of PNG, GIF, JPEG and WebP images from their headers, so the layout can
// declare `width`/`height` and the page does not jump while lazy images load.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { containedPath } from '../fs.js';
import type { StaticFile } from '../pipeline/types.js';

export interface ImageSize {
  width: number;
  height: number;
}

/** Size of an image by URL path without baseurl (`/assets/a.png`), when known. */
export type ImageSizeLookup = (path: string) => ImageSize | undefined;

export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  if (bytes.length >= 24 && ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') {
    return sized(view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length >= 10 && ascii(0, 4) === 'GIF8') {
    return sized(view.getUint16(6, true), view.getUint16(8, true));
  }
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return webpSize(bytes, view, ascii(12, 4));
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes, view);
  return undefined;
}

function sized(width: number, height: number): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function webpSize(bytes: Uint8Array, view: DataView, chunk: string): ImageSize | undefined {
  if (chunk === 'VP8 ') return sized(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return sized((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return sized(width, height);
  }
  return undefined;
}

function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = view.getUint16(at + 2);
    // Start-of-frame markers carry the size; C4 (DHT), C8 and CC are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sized(view.getUint16(at + 7), view.getUint16(at + 5));
    }
    at += 2 + length;
  }
  return undefined;
}

/**
 * Looks images up where the build copies them from: the assets folder (served at
 * `/assets/`) first, as it is copied last, then the source folder's static files.
 */
export function imageSizeLookup(config: ResolvedConfig, staticFiles: StaticFile[]): ImageSizeLookup {
  const statics = new Map(staticFiles.map((file) => [file.outputPath, file]));
  const cache = new Map<string, ImageSize | undefined>();
  const read = (path: string): Uint8Array | undefined => {
    const relative = containedPath(path);
    if (relative === undefined) return undefined;
    if (config.assetsDir && relative.startsWith('assets/')) {
      const file = join(config.assetsDir, relative.slice('assets/'.length));
      if (existsSync(file) && statSync(file).isFile()) return readFileSync(file);
    }
    const file = statics.get(relative);
    return file ? file.fs.readBytes(file.sourcePath) : undefined;
  };
  return (path) => {
    if (!cache.has(path)) {
      const bytes = read(path.replace(/^\/+/, ''));
      cache.set(path, bytes ? imageSize(bytes) : undefined);
    }
    return cache.get(path);
  };
}
