/** Bad input to the recommender; `statusCode` is the HTTP status a route should answer with. */
export class RecommenderInputError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 404 | 413,
    readonly code: string,
  ) {
    super(message);
    this.name = 'RecommenderInputError';
  }
}

/** A rating that is not a number, or outside the model's scale. */
export class InvalidRatingError extends RecommenderInputError {
  constructor(detail: string) {
    super(`Invalid rating: ${detail}`, 400, 'INVALID_RATING');
    this.name = 'InvalidRatingError';
  }
}

/** More ratings in one request than fold-in accepts. */
export class TooManyRatingsError extends RecommenderInputError {
  constructor(count: number, limit: number) {
    super(
      `${count.toLocaleString('en')} ratings in one request; the limit is ${limit.toLocaleString('en')}.`,
      413,
      'TOO_MANY_RATINGS',
    );
    this.name = 'TooManyRatingsError';
  }
}

/** An item id the catalogue does not have, where one item is asked for (similar items). */
export class UnknownItemError extends RecommenderInputError {
  constructor(id: string) {
    super(`No movie with id "${id}" in this model's catalogue.`, 404, 'UNKNOWN_ITEM');
    this.name = 'UnknownItemError';
  }
}
