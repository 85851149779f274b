import type { Severity } from '@numbers-csv/shared';

/** A severity is shown in its own colour. */
export type Style = Severity | 'strong';

/** Wraps text in a style; plain output leaves it alone. */
export type Paint = (style: Style, text: string) => string;

const ANSI: Record<Style, [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  strong: ['\u001b[1m', '\u001b[22m'],
};

export const plain: Paint = (_style, text) => text;

export const ansi: Paint = (style, text) => {
  const [open, close] = ANSI[style];
  return `${open}${text}${close}`;
};

