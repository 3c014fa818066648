import { describe, expect, it } from 'vitest';
import { cleanCatalogue, loadBundledCatalogue } from './movie-catalogue.js';

const row = (over: Record<string, unknown>) => ({
  Title: 'A Movie',
  'Release Date': 'Jun 12 1998',
  'Major Genre': 'Drama',
  'Creative Type': 'Contemporary Fiction',
  Director: 'Some One',
  'IMDB Rating': 6.1,
  'IMDB Votes': 1071,
  ...over,
});

describe('cleanCatalogue', () => {
  it('fixes the known problems of vega-datasets movies.json', () => {
    const { movies, report } = cleanCatalogue([
      row({ Title: 1776, 'Release Date': 'Mar 16 1972' }), // numeric title
      row({ Title: null }), // no title: dropped
      row({ Title: 'Charge of the Light Brigade, The', 'Release Date': 'Oct 20 2036' }), // article, year off by 100
      row({
        Title: '  The   Helix...  Loaded ',
        'Major Genre': null,
        Director: null,
        'IMDB Rating': 11,
      }),
      row({ Title: 'King Kong', 'Release Date': 'Apr 07 1976', 'Creative Type': 'Fantasy' }),
      row({
        Title: 'King Kong',
        'Release Date': 'Dec 14 2005',
        'Major Genre': 'Adventure',
        'Creative Type': 'Fantasy',
      }),
      row({ Title: 'King Kong', 'Release Date': 'Dec 14 2005' }), // exact duplicate: dropped
    ]);
    expect(movies.map((m) => [m.id, m.title, m.year])).toEqual([
      ['1776-1972', '1776', 1972],
      ['the-charge-of-the-light-brigade-1936', 'The Charge of the Light Brigade', 1936],
      ['the-helix-loaded-1998', 'The Helix... Loaded', 1998],
      ['king-kong-1976', 'King Kong (1976)', 1976],
      ['king-kong-2005', 'King Kong (2005)', 2005],
    ]);
    expect(movies[2]).toMatchObject({ genres: [], director: null, imdbRating: null });
    expect(movies[4]!.genres).toEqual(['Adventure', 'Fantasy']);
    expect(movies[0]!.genres).toEqual(['Drama']); // "Contemporary Fiction" says nothing about taste
    expect(report).toMatchObject({
      rows: 7,
      kept: 5,
      droppedNoTitle: 1,
      droppedDuplicate: 1,
      yearsFixed: 1,
      numericTitles: 1,
      articlesMoved: 1,
      titlesDisambiguated: 2,
      ratingsOutOfRange: 1,
    });
  });

  it('cleans the bundled file: unique ids, no future years', async () => {
    const { movies, report } = await loadBundledCatalogue();
    expect(report.rows).toBe(3201);
    expect(movies.length).toBeGreaterThan(3000);
    expect(new Set(movies.map((m) => m.id)).size).toBe(movies.length);
    expect(movies.every((m) => m.year === null || m.year <= 2012)).toBe(true);
    expect(movies.every((m) => typeof m.title === 'string' && m.title.length > 0)).toBe(true);
  });
});
