import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMl100k, loadMl100kFold } from './movielens-100k.js';
import { loadMovieLens } from './movielens.js';

const flags = (...on: number[]) =>
  Array.from({ length: 19 }, (_, g) => (on.includes(g) ? '1' : '0')).join('|');

describe('ml-100k loaders', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ml100k-'));
    await writeFile(
      join(dir, 'u.item'),
      Buffer.from(
        [
          `1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|${flags(3, 4, 5)}`,
          `2|GoldenEye (1995)|01-Jan-1995||http://us.imdb.com/|${flags(1, 2, 16)}`,
          '3|Broken line with too few fields|01-Jan-1995',
          `4|Misérables, Les (1995)|01-Jan-1995||http://us.imdb.com/|${flags(8)}`,
          '',
        ].join('\n'),
        'latin1',
      ),
    );
    const ratings = [
      '196\t1\t3\t881250949',
      '186\t2\t5\t891717742',
      '196\t4\t4\t881250950',
      '22\t2\t7\t878887116',
      '244\t99\t2\t880606923',
      'garbage',
      '166\t1\tx\t886397596',
    ];
    await writeFile(join(dir, 'u.data'), ratings.join('\n') + '\n');
    await writeFile(join(dir, 'u1.base'), ratings.slice(0, 2).join('\n'));
    await writeFile(
      join(dir, 'u1.test'),
      ['196\t2\t4\t881250951', '999\t1\t5\t881250952'].join('\r\n'),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads u.item (Latin-1) with genres and years, skipping malformed lines', async () => {
    const data = await loadMl100k(dir);
    expect(data.items.map((i) => i.id)).toEqual(['1', '2', '4']);
    expect(data.items[0]).toEqual({
      id: '1',
      title: 'Toy Story (1995)',
      genres: ['Animation', "Children's", 'Comedy'],
      director: null,
      year: 1995,
    });
    expect(data.items[2]!.title).toBe('Misérables, Les (1995)');
    expect(data.skipped).toContainEqual({
      file: 'u.item',
      line: 3,
      reason: expect.stringContaining('fields'),
    });
  });

  it('reads u.data and lists every skipped line with its number and reason', async () => {
    const data = await loadMl100k(dir);
    expect(data.ratings.length).toBe(3);
    expect(Array.from(data.ratings.value)).toEqual([3, 5, 4]);
    expect(data.users).toEqual(['196', '186']);
    const skipped = data.skipped.filter((s) => s.file === 'u.data');
    expect(skipped.map((s) => s.line)).toEqual([4, 5, 6, 7]);
    expect(skipped[0]!.reason).toMatch(/outside 1\.\.5/);
    expect(skipped[1]!.reason).toMatch(/unknown item id "99"/);
    expect(skipped[3]!.reason).toMatch(/not a number/);
    expect(data.licence).toMatch(/may not be redistributed/);
  });

  it('reads a fold with test users indexed like the training users', async () => {
    const { train, test } = await loadMl100kFold(dir, 1);
    expect(train.users).toEqual(['196', '186']);
    expect(test.length).toBe(1);
    expect([test.user[0], test.item[0], test.value[0]]).toEqual([0, 1, 4]);
    expect(train.skipped).toContainEqual({
      file: 'u1.test',
      line: 2,
      reason: expect.stringContaining('no ratings in the training file'),
    });
  });

  it('detects the layout of a folder', async () => {
    expect((await loadMovieLens(dir)).source).toBe('ml-100k');
    await expect(loadMovieLens(tmpdir())).rejects.toThrow(/neither ml-100k/);
  });
});
