/**
 * GroupLens' terms for the MovieLens data sets (from their README files), shown whenever they
 * are loaded. That is why the starter's default data is the bundled catalogue with synthetic
 * users, and MovieLens is downloaded into the user's own cache (scripts/movielens-download.ts)
 * or read from a folder they give, never kept in the app.
 */
export const MOVIELENS_LICENCE_NOTE =
  'MovieLens data © GroupLens Research, University of Minnesota. It may be used for research ' +
  'only: it may not be redistributed without separate permission, nor used commercially without ' +
  'permission; do not imply endorsement; acknowledge it (F. M. Harper and J. A. Konstan, "The ' +
  'MovieLens Datasets: History and Context", ACM TiiS 5(4), 2015). Keep the files out of your ' +
  'repository. Terms: https://grouplens.org/datasets/movielens/';
