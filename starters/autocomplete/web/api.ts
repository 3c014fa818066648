// The app's API, as the page sees it (server/routes.ts answers it).

export const COMPLETE_STREAM_URL = '/api/complete/stream';
export const NEXT_TOKENS_URL = '/api/next-tokens';

export interface Settings {
  /** New tokens at most: one token is one byte of text for the bundled model. */
  maxNewTokens: number;
  /** 0: always the most likely token; higher: more surprising text. */
  temperature: number;
  /** Completions to choose from. */
  n: number;
}

/** A streamed event: a piece of completion `index`, or, last, the whole answer. */
export type CompletionEvent =
  | { index: number; text: string }
  | {
      done: true;
      completions: { text: string; finishReason: string }[];
      truncated: boolean;
      timingsMs: { firstToken: number; total: number };
      tokens: number;
      tokensPerSecond: number;
    };

export interface NextTokens {
  tokens: { text: string; probability: number }[];
  truncated: boolean;
}
