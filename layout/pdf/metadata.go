package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/bindery-editions/bindery/layout/drawing"
)

// xmpPacket is the XMP metadata stream (ISO 16684-1) repeating the document
// information dictionary, as PDF/X and PDF/A readers expect; a print file
// also declares PDF/X-4 in it (ISO 15930-7:2010, 6.2.2: the pdfxid schema,
// with the document's identity and trapping state).
func xmpPacket(s *drawing.Drawing) []byte {
	date := s.Date.UTC().Format("2006-01-02T15:04:05Z")
	esc := func(v string) string {
		var b bytes.Buffer
		_ = xmlEscape(&b, v)
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">` + "\n")
	b.WriteString(`<dc:format>application/pdf</dc:format>` + "\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(s.Title))
	if s.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(s.Author))
	}
	if s.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(s.Subject))
	}
	if s.Identifier != "" {
		fmt.Fprintf(&b, "<dc:identifier>%s</dc:identifier>\n", esc(s.Identifier))
	}
	if s.Language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(s.Language))
	}
	if s.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(s.Keywords))
	}
	b.WriteString("<pdf:Producer>bindery</pdf:Producer>\n<xmp:CreatorTool>bindery</xmp:CreatorTool>\n")
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	if s.PDFX {
		// A document ID from what the book is, so that the same book
		// gives the same file; the cover's title differs from the
		// interior's, so the two files' IDs differ.
		id := fmt.Sprintf("uuid:%x", xmpID(s.Identifier, s.Title, s.Author, date))
		fmt.Fprintf(&b, "<pdf:Trapped>False</pdf:Trapped>\n<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n")
		fmt.Fprintf(&b, "<xmpMM:DocumentID>%s</xmpMM:DocumentID>\n<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n", id)
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

// xmlEscape escapes the five XML special characters.
func xmlEscape(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")
	_, err := r.WriteString(b, s)
	return err
}

// xmpID is a name-based identifier of a book's file: the first 16 bytes of
// the SHA-256 of its title, author and date.
func xmpID(parts ...string) []byte {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return h[:16]
}
