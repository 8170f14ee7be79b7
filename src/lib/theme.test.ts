import { describe, expect, it } from 'vitest';
import { parseTheme } from './theme';

describe('parseTheme', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [undefined, 'system'],
    ['', 'system'],
    ['DARK', 'system'],
    ['dark; injected', 'system'],
  ] as const)('reads %j as %s', (value, expected) => {
    expect(parseTheme(value)).toBe(expected);
  });
});
