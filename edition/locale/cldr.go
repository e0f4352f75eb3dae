package locale

import (
	"github.com/go-playground/locales"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/el"
	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/fr"
	"github.com/go-playground/locales/it"
	"github.com/go-playground/locales/nl"
	"github.com/go-playground/locales/pl"
	"github.com/go-playground/locales/pt"
	"github.com/go-playground/locales/ru"
	"github.com/go-playground/locales/sq"
	"github.com/go-playground/locales/uk"
	"golang.org/x/text/language"
)

// cldrLocales are the languages whose CLDR data the edition carries: the
// languages of the hyphenation patterns (layout/hyphen), so that a book
// hyphenated in its language also dates in it.
var cldrLocales = map[string]func() locales.Translator{
	"en": en.New, "en-GB": en_GB.New, "de": de.New, "fr": fr.New, "ru": ru.New, "uk": uk.New,
	"sq": sq.New, "el": el.New, "it": it.New, "es": es.New, "pt": pt.New, "nl": nl.New, "pl": pl.New,
}

// cldrFor returns the CLDR locale of a tag: its own ("en-GB"), its base
// language's ("de" for "de-AT"), or English's.
func cldrFor(tag string) cldrLocale {
	if f, ok := cldrLocales[tag]; ok {
		return f()
	}
	if t, err := language.Parse(tag); err == nil {
		if f, ok := cldrLocales[t.String()]; ok {
			return f()
		}
		base, _ := t.Base()
		if f, ok := cldrLocales[base.String()]; ok {
			return f()
		}
	}
	return en.New()
}
