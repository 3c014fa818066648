import { describe, expect, it } from 'vitest';
import { readCardLicense } from './card-license.js';

const card = (front: string, body = '\n# A model\n\nlicense: not-this-one\n') =>
  `---\n${front}\n---\n${body}`;

describe('readCardLicense', () => {
  it('reads a plain, quoted or commented top-level license', () => {
    expect(readCardLicense(card('language: en\nlicense: apache-2.0\ntags:\n- gpt2'))).toEqual({
      license: 'apache-2.0',
    });
    expect(readCardLicense(card('license: "mit"'))).toEqual({ license: 'mit' });
    expect(readCardLicense(card("license: 'cc-by-4.0' # see LICENSE"))).toEqual({
      license: 'cc-by-4.0',
    });
    expect(readCardLicense(card('license: mit # the code too'))).toEqual({ license: 'mit' });
    // Windows line ends and a byte-order mark, as some editors save cards.
    expect(readCardLicense('\uFEFF---\r\nlicense: mit\r\n---\r\n# x\r\n')).toEqual({
      license: 'mit',
    });
  });

  it('names an "other" licence by its license_name', () => {
    expect(
      readCardLicense(card('license: other\nlicense_name: llama3\nlicense_link: LICENSE')),
    ).toEqual({ license: 'other (llama3)' });
    expect(readCardLicense(card('license: other'))).toEqual({ license: 'other' });
  });

  it('joins a list of licences with AND, in flow or block form', () => {
    expect(readCardLicense(card('license: [mit, "apache-2.0"]'))).toEqual({
      license: 'mit AND apache-2.0',
    });
    expect(readCardLicense(card('license:\n  - mit\n  - apache-2.0\nlanguage: en'))).toEqual({
      license: 'mit AND apache-2.0',
    });
    expect(
      readCardLicense(card('license:\n- other # see below\n- mit\nlicense_name: acme-research')),
    ).toEqual({ license: 'other (acme-research) AND mit' });
  });

  it('says why there is no licence: no front matter, none in it, an unclosed one', () => {
    expect(readCardLicense('# A model\n\nlicense: mit\n')).toEqual({
      missing: 'README.md has no front matter',
    });
    expect(readCardLicense('')).toEqual({ missing: 'README.md has no front matter' });
    const none = { missing: 'the front matter of README.md names no license' };
    expect(readCardLicense(card('language: en'))).toEqual(none);
    // Only the top level counts: a nested `license` belongs to something else.
    expect(readCardLicense(card('model-index:\n  license: mit'))).toEqual(none);
    expect(readCardLicense(card('license:\nlanguage: en'))).toEqual(none);
    expect(readCardLicense(card('license: ~'))).toEqual(none);
    expect(readCardLicense(card('license: []'))).toEqual(none);
    expect(readCardLicense(card('license: |\n  mit'))).toEqual(none);
    expect(readCardLicense('---\nlicense: mit\n')).toEqual({
      missing: 'the front matter of README.md does not end where it is read',
    });
  });
});
