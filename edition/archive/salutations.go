package archive

// Salutations: the address that opens a letter or one of its parts, on a
// line of its own ("Dear Comrades,", "Meine liebe kleine Sonja!",
// "Monsieur le Président,") or run in before the first sentence
// ("Comrades: A Russian proverb says ...").

import (
	"strings"
)

var (
	salutationWords = `(?:comrades?|friends?|sirs?|madam|gentlemen|brothers?|sisters?|citizens|workers|delegates|members|colleagues|` +
		`ladies and gentlemen|brothers and sisters|comrades and friends|` +
		`genossen|genossinnen|freunde|freundinnen|messieurs|mesdames|citoyens|citoyennes|camarades|amis|` +
		`товарищи|господа|друзья|compagni|camaradas|amigos)`
	salutationOpen = `(?:(?i:my|our|mein|meine|mon|ma|mes|mio|mia)\s+)?` +
		`(?:(?i:dear|dearest|respected|esteemed|honou?red|beloved|fellow|liebe|lieber|liebste|liebster|geliebte|geliebter|` +
		`sehr geehrte|sehr geehrter|geehrte|geehrter|werte|werter|cher|chère|chers|chères|très|дорогой|дорогая|дорогие|` +
		`уважаемый|уважаемая|милостивый|caro|cara|querido|querida|kleine|kleiner|petit|petite)\s+)*`
	salutationHead = salutationOpen +
		`(?:(?i:` + salutationWords + `)(?:\s+(?:and\s+)?\p{Lu}[\p{L}.’'-]*)*` +
		`|(?i:dear|liebe|lieber|liebste|geliebte|cher|chère|дорогой|дорогая)\s+\p{Lu}[^,:!]{0,40}` +
		`|(?i:monsieur|messieurs|madame|mesdames|mademoiselle|sir|madam|my lord|mr\.?|mrs\.?|herr|frau|herren|damen|signore|señor|` +
		`милостивый государь|милостивая государыня|господин|госпожа)(?:\s+[\p{L}.’'-]+){0,4}` +
		`|(?i:fellow[ -]citizens|fellow[ -]countrymen|countrymen)` +
		`|(?i:meine|mein|mon|ma|my)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,3})`
	salutationRe    = newLazyRegexp(`^` + salutationHead + `\s*[,:!]$`)
	salutationRunIn = newLazyRegexp(`^(` + salutationOpen + `(?:(?i:` + salutationWords + `)(?:\s+(?:and\s+)?\p{Lu}[\p{L}.’'-]*)*|(?i:dear)\s+\p{Lu}[^,:!]{0,40})\s*[:!])\s+(["“«‘']?\p{Lu}.*)$`)
)

// isSalutation reports a line that is a salutation and nothing more.
func isSalutation(s string) bool {
	return len(s) <= 120 && s != "" && strings.IndexByte(",:!", s[len(s)-1]) >= 0 && wordCount(s) <= 8 && salutationRe.MatchString(s)
}
