// The places (and other names) a question mentions, so the generic model can make one call per
// place: capitalized runs of words, minus sentence furniture ("What", "Compare", "Thanks").
const NOT_NAMES = new Set(
  (
    "What Whats What's How Is Are Will Would Should Do Does Did Can Could Please Tell Give Show The A An In " +
    "And Or I Me My It Its Weather Today Tomorrow Compare Also Then Which Who When Where Why Hi Hello Hey " +
    "Thanks Thank Find Get Check Look Use Call Let Now Right This That These Those Both There"
  ).split(" "),
);
/** After a name in a list: a comma, `and` / `or` / `&` / `vs`, or the end of the sentence. */
const LISTED_AFTER = /^\s*(?:[,;:&?!.]|and\b|or\b|vs\b|$)/;

interface Candidate {
  name: string;
  /** The first word of a sentence, which is capitalized whatever it is. */
  initial: boolean;
  /** Followed by a list separator or the sentence's end, as names in a question are. */
  listed: boolean;
}

/**
 * A sentence's first word is capitalized whether or not it is a name ("Book a table in Lyon"), so
 * it counts only when it reads as one of a list ("Paris or Rome?"), or when nothing else does
 * ("Paris weather?").
 */
export function namedEntities(question: string): string[] {
  const candidates: Candidate[] = [];
  for (const match of question.matchAll(/\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*)*/gu)) {
    const words = match[0].split(/\s+/).map((w) => w.replace(/[.'-]+$/, ""));
    const before = question.slice(0, match.index).trimEnd();
    let initial = before === "" || /[.!?]$/.test(before);
    while (words.length > 0 && NOT_NAMES.has(words[0]!)) {
      words.shift();
      initial = false;
    }
    const name = words.join(" ");
    const listed = LISTED_AFTER.test(question.slice(match.index + match[0].length));
    if (name && !candidates.some((c) => c.name === name)) candidates.push({ name, initial, listed });
  }
  const kept = candidates.filter((c) => !c.initial || c.listed);
  return (kept.length > 0 ? kept : candidates).map((c) => c.name);
}
