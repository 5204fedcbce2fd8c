/**
 * Recognition by weighted phrases, as the guidebook, region and ledger specs declare it
 * (`recognise: [["地域雇用活性化推進事業", 0.4], …]`): the score is the sum of the weights of
 * the phrases found in the first pages' text, at most 1; each family compares in its own
 * folding of the text (width, spaces).
 */
import type { Pipeline } from "./types.js";

export type WeightedPhrases = readonly (readonly [phrase: string, weight: number])[];

export function phraseRecognition(phrases: WeightedPhrases, fold: (s: string) => string): Pick<Pipeline, "recognise" | "recognitionWords"> {
  return {
    recognise: (text) => {
      const t = fold(text);
      const score = phrases.reduce((s, [phrase, weight]) => s + (t.includes(fold(phrase)) ? weight : 0), 0);
      return Math.min(1, Math.round(score * 100) / 100);
    },
    recognitionWords: (text) => {
      const t = fold(text);
      return phrases.map(([word]) => ({ word, found: t.includes(fold(word)) }));
    },
  };
}
