package lint

import (
	"flag"
	"strings"
	"testing"
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestConsistencyAndBrokenSentences(t *testing.T) {
	filler := "The committee met again in the spring and heard the report of the delegates. "
	text := strings.Repeat(filler, 2) + "It does by no means help. It was by no means clear. We are by no means sure.\n\n" +
		"It does by no mean help the workers parties or the workers parties of the east or the workers parties of the west.\n\n" +
		"The worker's parties met, and a comrade-in-arms and one comrade-in-arm came along with them to the hall.\n\n" +
		"Their opposition to the holding of the meeting, is not inspired by any concern for the unity of the movement at all.\n\n" +
		"We have never forgotten what the Union means, but: to carry on the struggle we need all our friends and allies here.\n"
	got := map[string]bool{}
	for _, f := range Check("x.txt", []byte(text), nil) {
		got[f.Kind+": "+f.Message] = true
	}
	for _, want := range []string{
		"inconsistent: “by no mean” here, but “by no means” 3 times elsewhere in the text",
		"inconsistent: “worker's parties” here, but “workers parties” 3 times elsewhere in the text",
		"inconsistent: “comrade-in-arm” here, but “comrade-in-arms” once elsewhere in the text",
		"broken-sentence: comma between the subject and “is”",
		"stray-punctuation: “:” after “but” ends no clause",
	} {
		if !got[want] {
			t.Errorf("missing %q; got %v", want, got)
		}
	}
	for k := range got {
		if strings.Contains(k, "“the workers parties”") || strings.Contains(k, "met, and") {
			t.Errorf("false finding %q", k)
		}
	}
}
