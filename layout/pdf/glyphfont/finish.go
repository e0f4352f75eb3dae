package glyphfont

import (
	"bytes"
	"fmt"
	"slices"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfcpuConfig returns the configuration Finish reads and writes with.
// pdfcpu's default configuration lives in a directory of the user's, which
// it creates (and fills with fonts) on first use, exiting the process when
// it cannot: "disable" keeps it out of the file system.
func pdfcpuConfig() *model.Configuration {
	configOnce.Do(func() { model.ConfigPath = "disable" })
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	// A classic cross-reference section, as the file has: streams of
	// objects and of cross-references would need PDF 1.5.
	conf.WriteObjectStream = false
	conf.WriteXRefStream = false
	return conf
}

var configOnce sync.Once

// Embedded says how to finish one font a writer embedded as a Type0 font.
type Embedded struct {
	// BaseFont is the font's name in the file as written (fpdf names a
	// UTF-8 font "utf8" and its family).
	BaseFont string
	// Name is the name to give it, as SubsetName returns it.
	Name string
	// ToUnicode is its CMap, as the Encoder that drew with it returns it.
	ToUnicode []byte
}

// Finish gives each font of fonts its name and its ToUnicode CMap in pdf,
// a file with a classic cross-reference table. It appends an incremental
// update (ISO 32000-1, 7.5.6) with the changed font dictionaries and the
// new CMap streams and leaves every other byte as it was: rewriting the
// whole file would cost time in proportion to the book, and pdfcpu's full
// writer stamps the clock into the document information.
func Finish(pdf []byte, fonts []Embedded) ([]byte, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("glyphfont: reading the PDF: %w", err)
	}
	ctx.Write.Increment = true
	ctx.Write.Offset = ctx.Read.FileSize
	byName := map[string]*Embedded{}
	for i := range fonts {
		byName[fonts[i].BaseFont] = &fonts[i]
	}
	done := map[string]bool{}
	// Object numbers in ascending order, so the update's bytes do not
	// depend on map order.
	var nums []int
	for n := range ctx.XRefTable.Table {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		e := ctx.XRefTable.Table[n]
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok || d.Type() == nil || *d.Type() != "Font" || d.Subtype() == nil || *d.Subtype() != "Type0" {
			continue
		}
		base := d.NameEntry("BaseFont")
		if base == nil {
			continue
		}
		emb, ok := byName[*base]
		if !ok {
			continue
		}
		if err := finishFont(ctx, n, d, emb); err != nil {
			return nil, fmt.Errorf("glyphfont: font %s: %w", *base, err)
		}
		done[*base] = true
	}
	for _, f := range fonts {
		if !done[f.BaseFont] {
			return nil, fmt.Errorf("glyphfont: the PDF has no Type0 font %s", f.BaseFont)
		}
	}
	var out bytes.Buffer
	out.Grow(len(pdf) + 4096)
	out.Write(pdf)
	if err := api.WriteIncrement(ctx, &out); err != nil {
		return nil, fmt.Errorf("glyphfont: writing the update: %w", err)
	}
	return out.Bytes(), nil
}

// finishFont renames the Type0 font dictionary d (object n), its
// descendant CIDFont and their font descriptor, and points d at a new
// ToUnicode stream.
func finishFont(ctx *model.Context, n int, d types.Dict, emb *Embedded) error {
	sd, err := ctx.XRefTable.NewStreamDictForBuf(emb.ToUnicode)
	if err != nil {
		return err
	}
	if err := sd.Encode(); err != nil {
		return err
	}
	ref, err := ctx.XRefTable.IndRefForNewObject(*sd)
	if err != nil {
		return err
	}
	ctx.Write.IncrementWithObjNr(ref.ObjectNumber.Value())
	d.Update("ToUnicode", *ref)
	d.Update("BaseFont", types.Name(emb.Name))
	ctx.Write.IncrementWithObjNr(n)

	kids, err := ctx.XRefTable.DereferenceArray(d["DescendantFonts"])
	if err != nil || len(kids) != 1 {
		return fmt.Errorf("descendant fonts: %v", err)
	}
	kidRef, ok := kids[0].(types.IndirectRef)
	if !ok {
		return fmt.Errorf("descendant font is not an indirect object")
	}
	cid, err := ctx.XRefTable.DereferenceDict(kidRef)
	if err != nil {
		return err
	}
	cid.Update("BaseFont", types.Name(emb.Name))
	ctx.Write.IncrementWithObjNr(kidRef.ObjectNumber.Value())
	descRef := cid.IndirectRefEntry("FontDescriptor")
	if descRef == nil {
		return fmt.Errorf("CIDFont has no font descriptor")
	}
	desc, err := ctx.XRefTable.DereferenceDict(*descRef)
	if err != nil {
		return err
	}
	desc.Update("FontName", types.Name(emb.Name))
	ctx.Write.IncrementWithObjNr(descRef.ObjectNumber.Value())
	return nil
}
