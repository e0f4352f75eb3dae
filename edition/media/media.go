// Package media reads the images an edition carries besides its text: the
// pictures of its figures and the manifest's cover. Each is read once, its
// kind told from its bytes (not its name), and its size in pixels taken
// from its header, so that no writer reads a file. What cannot be read is a
// warning naming the source file and line; the build stops on it when it
// is strict.
package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // registers the JPEG decoder for DecodeConfig
	_ "image/png"  // registers the PNG decoder for DecodeConfig
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

// MaxImageSize bounds an image file: a picture for a book page at 300
// pixels an inch is a few megabytes; a much larger file is a mistake.
const MaxImageSize = 32 << 20

// Figures reads the image of every figure of the edition's sections from
// the seed folder, keyed by the name the figure gives ("src"). file names
// the source for warnings. A figure whose image is missing, outside the
// seed, not a PNG, JPEG or SVG, or unreadable is a warning (its alt text
// stands in for it); an SVG image is a warning too, as the print edition
// cannot draw one.
func Figures(file, seedDir string, secs []model.Section, notes []model.Block) (map[string]*model.Resource, []model.Warning) {
	out := map[string]*model.Resource{}
	var warns []model.Warning
	failed := map[string]bool{}
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			b := &bs[i]
			// A figure without a source (an archive's placeholder for a
			// picture it does not have) has nothing to read.
			if b.Kind == model.Image && b.Attr.Get("src") != "" {
				name := b.Attr.Get("src")
				if _, ok := out[name]; !ok && !failed[name] {
					res, err := Read(seedDir, name)
					switch {
					case err != nil:
						failed[name] = true
						warns = append(warns, model.Warning{File: file, Line: b.Line,
							Message: fmt.Sprintf("%v; its alt text %q stands in", err, b.Attr.Get("alt"))})
					default:
						out[name] = res
						if res.MediaType == "image/svg+xml" {
							warns = append(warns, model.Warning{File: file, Line: b.Line,
								Message: fmt.Sprintf("image %q is SVG: the EPUB shows it, the print edition sets its alt text in its place; give a PNG or JPEG for print", name)})
						}
					}
				}
			}
			walk(b.Children)
		}
	}
	for i := range secs {
		walk(secs[i].Blocks)
	}
	walk(notes)
	return out, warns
}

// ErrUnreadable is what errors.Is finds in the error of an image that
// cannot be used.
var ErrUnreadable = errors.New("image cannot be used")

// unreadable is the error of an image that cannot be used: its message
// says why, in the words a warning gives it.
type unreadable string

func (u unreadable) Error() string        { return string(u) }
func (u unreadable) Is(target error) bool { return target == ErrUnreadable }

func unreadablef(format string, args ...any) error {
	return unreadable(fmt.Sprintf(format, args...))
}

// Read reads one image of the seed folder: ref as a figure or the
// manifest writes it, relative to the folder ("img/my%20map.png" names
// img/my map.png).
func Read(seedDir, ref string) (*model.Resource, error) {
	if ref == "" {
		return nil, unreadablef("image with no file")
	}
	u, err := url.Parse(ref)
	if err == nil && u.Scheme != "" && len(u.Scheme) > 1 { // "C:" is a drive, not a scheme
		return nil, unreadablef("image %q is not a file in the seed folder and is not fetched", ref)
	}
	rel := ref
	if err == nil && u.Path != "" {
		rel = u.Path
	}
	path, err := seed.ResolveInSeed(seedDir, rel)
	switch {
	case errors.Is(err, seed.ErrOutsideSeed):
		return nil, unreadablef("image %q is outside the seed folder", ref)
	case err != nil:
		return nil, unreadablef("image %q not found", ref)
	}
	if ok, err := seed.IsRegularFile(path); err != nil || !ok {
		return nil, unreadablef("image %q is not a file", ref)
	}
	fi, err := os.Stat(path)
	if err == nil && fi.Size() > MaxImageSize {
		return nil, unreadablef("image %q is %d bytes, more than the %d an image can be", ref, fi.Size(), MaxImageSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, unreadablef("image %q cannot be read (%v)", ref, err)
	}
	return Decode(ref, data)
}

// Decode tells an image's kind from its bytes and reads its size.
func Decode(name string, data []byte) (*model.Resource, error) {
	res := &model.Resource{Name: name, Data: data}
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		res.MediaType = "image/png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		res.MediaType = "image/jpeg"
	case isSVG(data):
		// An SVG document can run scripts in a reading system: one that
		// holds any is refused, as raw HTML's scripts are.
		if activeSVG.Match(data) {
			return nil, unreadablef("image %q is an SVG document with a script or an event handler", name)
		}
		res.MediaType = "image/svg+xml"
		return res, nil
	default:
		return nil, unreadablef("image %q is not a PNG, JPEG or SVG file", name)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, unreadablef("image %q cannot be read (%v)", name, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, unreadablef("image %q has no pixels", name)
	}
	res.Width, res.Height = cfg.Width, cfg.Height
	return res, nil
}

// activeSVG finds what makes an SVG document run code: a script element,
// an event handler attribute, a javascript: URL.
var activeSVG = regexp.MustCompile(`(?i)<script|\son[a-z]+\s*=|javascript:`)

// isSVG reports whether data looks like an SVG document.
func isSVG(data []byte) bool {
	head := strings.ToLower(string(data[:min(len(data), 1024)]))
	return strings.Contains(head, "<svg")
}
