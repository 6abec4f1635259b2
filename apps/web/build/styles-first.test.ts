import { describe, expect, it } from 'vitest';
import { moveStylesheetsFirst } from './styles-first.js';

describe('moveStylesheetsFirst', () => {
  it('puts the stylesheet before the first script, keeping everything else in order', () => {
    const built = [
      '<head>',
      '    <title>Taskapp</title>',
      '    <script src="/theme.js"></script>',
      '    <script type="module" crossorigin src="/assets/index-a.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/react-b.js">',
      '    <link rel="stylesheet" crossorigin href="/assets/index-c.css">',
      '  </head>',
    ].join('\n');
    expect(moveStylesheetsFirst(built).split('\n')).toEqual([
      '<head>',
      '    <title>Taskapp</title>',
      '    <link rel="stylesheet" crossorigin href="/assets/index-c.css">',
      '    <script src="/theme.js"></script>',
      '    <script type="module" crossorigin src="/assets/index-a.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/react-b.js">',
      '  </head>',
    ]);
  });

  it('leaves a page without a stylesheet alone', () => {
    const html = '<head><script src="/theme.js"></script></head>';
    expect(moveStylesheetsFirst(html)).toBe(html);
  });
});
