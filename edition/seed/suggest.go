package seed

// Suggest returns the candidate a mistyped name most likely meant, or "":
// the rule of the manifest's "did you mean", for the command line's
// commands and options too.
func Suggest(name string, candidates []string) string { return nearestName(name, candidates) }
