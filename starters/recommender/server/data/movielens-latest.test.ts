import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMlLatest } from './movielens-latest.js';
import { loadMovieLens } from './movielens.js';
import { splitCsvLine } from './read-lines.js';

describe('ml-latest loaders', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ml-latest-'));
    await writeFile(
      join(dir, 'movies.csv'),
      [
        'movieId,title,genres',
        '1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy',
        '11,"American President, The (1995)",Comedy|Drama|Romance',
        '12,"Dracula: Dead and Loving It (1995)",Comedy|Horror',
        '13,"Unclosed quote (1995),Drama',
        '14,"Seven (a.k.a. ""Se7en"") (1995)",(no genres listed)',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'ratings.csv'),
      [
        'userId,movieId,rating,timestamp',
        '1,1,4.0,964982703',
        '1,11,0.5,964981247',
        '2,14,3.5,1445714835',
        '2,12,0,1445714836',
        '2,12,5.5,1445714837',
        '3,12,3.25,1445714838',
        '3,404,4,1445714839',
        '3,1',
      ].join('\r\n'),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads movies.csv with quoted titles, pipe-separated genres and no-genre movies', async () => {
    const data = await loadMlLatest(dir);
    expect(data.items.map((i) => i.title)).toEqual([
      'Toy Story (1995)',
      'American President, The (1995)',
      'Dracula: Dead and Loving It (1995)',
      'Seven (a.k.a. "Se7en") (1995)',
    ]);
    expect(data.items[0]!.genres).toEqual([
      'Adventure',
      'Animation',
      'Children',
      'Comedy',
      'Fantasy',
    ]);
    expect(data.items[3]!.genres).toEqual([]);
    expect(data.items[1]!.year).toBe(1995);
    expect(data.skipped).toContainEqual({
      file: 'movies.csv',
      line: 5,
      reason: expect.stringContaining('unbalanced quotes'),
    });
  });

  it('accepts half stars 0.5..5 and skips the rest with line numbers', async () => {
    const data = await loadMlLatest(dir);
    expect(Array.from(data.ratings.value)).toEqual([4, 0.5, 3.5]);
    expect(data.scale).toEqual({ min: 0.5, max: 5, step: 0.5 });
    const skipped = data.skipped.filter((s) => s.file === 'ratings.csv');
    expect(skipped.map((s) => s.line)).toEqual([5, 6, 7, 8, 9]);
    expect(skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/rating 0 is outside/),
      expect.stringMatching(/rating 5.5 is outside/),
      expect.stringMatching(/rating 3.25 is outside 0.5..5 in steps of 0.5/),
      expect.stringMatching(/unknown item id "404"/),
      expect.stringMatching(/expected user, item, rating/),
    ]);
    expect((await loadMovieLens(dir)).source).toBe('ml-latest');
  });

  it('splits CSV lines with quotes, commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b, c","d ""e"""')).toEqual(['a', 'b, c', 'd "e"']);
    expect(splitCsvLine('a,,')).toEqual(['a', '', '']);
    expect(splitCsvLine('"a"b,c')).toBeNull();
  });
});
