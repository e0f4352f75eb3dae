package hyphen

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// patternDigests are the SHA-256 of the files in patterns/, as Debian's
// packages ship them (see patterns/README): hyphen.tex may be copied only
// unmodified, and the others are kept so that their origin can be checked.
var patternDigests = map[string]string{
	"hyph-de-1901.lic.txt":    "80e85dce448fd87b1231df34996ee98825f89e9c8e5316aa7eb44b4cacd0b90b",
	"hyph-de-1901.pat.txt":    "24a5c91566116120625ccd79beb46deec28f89cf382f08afd1a9b1c871b4a83e",
	"hyph-de-1996.lic.txt":    "18e08f782f3d7a7772cc201a9e7286e4f8fffd686508e2af8bef952f17e87987",
	"hyph-de-1996.pat.txt":    "0570839683e4843a6210b188e2a586fe06f2b6b73952ec8106a634209d735adb",
	"hyph-de-ch-1901.lic.txt": "d4a917a798bb0d39906fe9f782d22c0d5fabe056208b4bd73965775cd0247819",
	"hyph-de-ch-1901.pat.txt": "dd77dff72013d0a0b2fe628da94a6ba95b206ea3dd3108e214b5eb401f994bf5",
	"hyph-el-monoton.lic.txt": "850cff7d71429ed8b119701b5cde5dccb0be9ba44016ac078bcc6bbf5a02adf5",
	"hyph-el-monoton.pat.txt": "ae58ac05e9c88dcfa6a2ebecb2fd6aebb08c3f36c4bf3c4e96984c0a2a71ad2e",
	"hyph-el-polyton.lic.txt": "25875e586fec4530088bb332e4a4feb1bfdc886f811b39475b12fc879decd9ba",
	"hyph-el-polyton.pat.txt": "ee93362de2e568ec0254dad0595aa79804d1c26815976cace38522f5afac3ff6",
	"hyph-en-gb.hyp.txt":      "947b7b8e76f6a0d8ebe296178ff92ad624e4912ffbaaf59b26f81a395124e366",
	"hyph-en-gb.lic.txt":      "8a9d78cb8e3aa30383acc91fb05962035eed59877016263bd97be63c63341977",
	"hyph-en-gb.pat.txt":      "651b89b4a0d4051995db8586e81ab109a4c7395d7706c06483893ebab5af013b",
	"hyph-es.lic.txt":         "467d968bbc9b32cd89c7f7d351f7391001a5416131d82ea37f82d7121430c22b",
	"hyph-es.pat.txt":         "7ae8fa8d6a61ea4111c4a0412d019b62e7c07a62673121d0b711c5bc08d8e00c",
	"hyph-fr.lic.txt":         "80092fcb79cf83748597f346355fd2e1c3aceb104240fb774999c62d5b1c1365",
	"hyph-fr.pat.txt":         "fd40a89e9e8eb0784a0919e50378814843e44afa41c5beaf0a85f6562820f6c2",
	"hyph-it.lic.txt":         "a0b140b91a8599bdeffc4af2dea64c6d95baf19c8b2528fec7541e2772f23c24",
	"hyph-it.pat.txt":         "ce650cffad4e81ecaf04591f3274a8ed909e82c587698c55e33b00e2aa7746de",
	"hyph-nl.hyp.txt":         "5902ba4d760815a51a972b6d05f514dde1842c16fa2859b907e2d299edbb3299",
	"hyph-nl.lic.txt":         "351d2b98f7cef12b15b92a3aa2d74d05dcf358cee50443effed66bb80fb3a0ed",
	"hyph-nl.pat.txt":         "ac5795c1d6cd7027e6ec3a9e58e173789f999669e40ffd81755a4db7d3214165",
	"hyph-pl.hyp.txt":         "0e3fd28ea45ec144f5f1438a7bbfb5b55c14dd0cccfefe4ddfbe95fee14d82cf",
	"hyph-pl.lic.txt":         "79306ff1d6bf6f186b91238e422c9e5ebae0f841b050f166ec558b48555b3e86",
	"hyph-pl.pat.txt":         "4b9c3583f176efb76dccee7e630ac7516567abd96dcbc3ebaa2388e795774b48",
	"hyph-pt.hyp.txt":         "5c093a9e48dc8f87624693f31b8da7d090ed1e6eeb07fce7bcfd5689d7f941a8",
	"hyph-pt.lic.txt":         "b97287be8d51f6de6c1f007f18741d574ea1adce4c4084ff7c4fc4917312bcb4",
	"hyph-pt.pat.txt":         "37cab85eee09030843f74d7e34453422b69404491abb0d8fa61ad42539b22ee8",
	"hyph-ru.hyp.txt":         "11b1c36c26bab4770505c2331eb85fb3e13f0c0841a7fa80142aee3be332facb",
	"hyph-ru.lic.txt":         "7661f55c89c81565bcb3ff1c47de52d75445c3a77b8557b3b8cd6973a6145b82",
	"hyph-ru.pat.txt":         "12fa91c83d56ffefa589cf022d9f24ec5a5f4035b4c09484cf4270128c2c162a",
	"hyph-sq.lic.txt":         "49bfeaabcf8dccc3666833db882ff3ffc5735ea20661d4226ac3599f4d17a0e5",
	"hyph-sq.pat.txt":         "b5a91734b8ec76a8178dacd9606c8de67e3acde81e1e0330da16c188937330ad",
	"hyph-uk.lic.txt":         "a24b636d97e96ae33371b76d7a21f4e2b6803249a01f2b972939d5728540f06d",
	"hyph-uk.pat.txt":         "48c8640eb073bee879fb3d57cd91068bf70129b0bb8f7f5db6ecf9e056b57d1e",
	"hyphen.tex":              "2c18acdc04c1a066aeb1759905e7ca449f0616c314b5ed6aebe55b9d4a89b8d4",
	"ushyphex.tex":            "9392bd6e14b2f34ebc31d2ba4eddb7d1266bf563bfd89c6161f63cfd7f00ef5c",
}

// TestPatternFilesUnchanged checks every file in patterns/ against its
// digest, and that patterns/README lists each with the same digest: no
// file is edited, added or left out unnoticed.
func TestPatternFilesUnchanged(t *testing.T) {
	readme, err := os.ReadFile("patterns/README")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir("patterns")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		name := e.Name()
		if name == "README" {
			continue
		}
		want, ok := patternDigests[name]
		if !ok {
			t.Errorf("patterns/%s: not listed", name)
			continue
		}
		seen++
		data, err := os.ReadFile("patterns/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("patterns/%s: sha256 %s, want %s: the file must ship unchanged", name, got, want)
		}
		if !strings.Contains(string(readme), name) || !strings.Contains(string(readme), "SHA-256 "+want) {
			t.Errorf("patterns/README does not give %s with its digest", name)
		}
	}
	if seen != len(patternDigests) {
		t.Errorf("%d files in patterns/, %d listed", seen, len(patternDigests))
	}
	// Every pattern file comes with its licence.
	for name := range patternDigests {
		if lang, ok := strings.CutSuffix(name, ".pat.txt"); ok {
			if _, ok := patternDigests[lang+".lic.txt"]; !ok {
				t.Errorf("%s: no %s.lic.txt", name, lang)
			}
		}
	}
}
