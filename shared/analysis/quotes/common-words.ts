/**
 * A small list of very common English words (function words and the most frequent verbs, nouns
 * and adjectives). The quote check counts a word as *uncommon* when it is not here: runs of
 * uncommon words are what makes a phrase findable by a search engine. Deliberately small and
 * English-only: words of other languages all count as uncommon, so the check errs towards warning.
 */
const WORDS = `a about above after again against all almost also always am an and another any anyone anything are around as at away back
be because been before being below between both but by can cannot could day did do does doing done down during each even ever every
few first for from get gets getting give go goes going gone good got great had has have having he her here hers herself him himself
his how however i if in into is it its itself just know last least less let like little long look lot made make many may me might more
most much must my myself need never new no nor not nothing now of off often old on once one only or other others our ours ourselves
out over own part people really right same say said see she should since so some someone something still such sure take than that
the their theirs them themselves then there these they thing things think this those though through time to too two under until up
upon us use very want was way we well were what when where whether which while who whom whose why will with within without would
yes yet you your yours yourself yourselves im dont doesnt didnt isnt cant wont thats its ive youre theyre were thing okay ok yeah
man men woman women world year years work life still back even also new know good way make like time`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));
