package seed

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// Metadata is manifest values given outside the manifest, the way pandoc
// takes them: metadata files (pandoc's --metadata-file), whose values a
// manifest's own override, for what a whole archive shares (the publisher,
// the rights); and key=value pairs (pandoc's -M), which override the
// manifest, for one build. The zero Metadata, and a nil one, change nothing.
type Metadata struct {
	files     []*yaml.Node // mapping nodes, in the order given; later ones win
	overrides *yaml.Node   // a mapping node built from the -M pairs
	text      []string     // what was given, for Key
}

// AddFile adds a metadata file: a YAML mapping of manifest keys, checked as
// a manifest's are (unknown keys, wrong types) but with none required.
func (md *Metadata) AddFile(file string, data []byte) error {
	d := newYAMLDecoder(file)
	d.homes = manifestKeyHomes
	root, ok := d.parse(data)
	if !ok {
		return d.err()
	}
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.add(root.Line, root.Column, "a metadata file must be a mapping of manifest keys to values, found "+DescribeNode(root), "write one `key: value` per line, e.g. `edition: {publisher: A Small Press}`")
		return d.err()
	}
	d.decodeStruct(root, reflect.ValueOf(&Manifest{}).Elem(), "")
	if len(d.problems) > 0 {
		return d.err()
	}
	md.files = append(md.files, root)
	md.text = append(md.text, "file "+file+"\n"+string(data))
	return nil
}

// Set adds one KEY=VALUE pair: KEY is a manifest key, dotted for a nested
// one (edition.date); VALUE is text, or a YAML list or mapping when it
// starts with [ or { (-M 'subjects=[History, Albania]').
func (md *Metadata) Set(pair string) error {
	name := "-M " + pair
	key, value, ok := strings.Cut(pair, "=")
	key = strings.TrimSpace(key)
	if !ok || key == "" {
		return &FileError{Problems: []Problem{{File: "-M " + pair, Message: "want KEY=VALUE", Hint: "e.g. -M edition.date=2026-01-01 or -M 'title=An Open Letter'"}}}
	}
	var val *yaml.Node
	if t := strings.TrimSpace(value); strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(t), &doc); err != nil || len(doc.Content) == 0 {
			_, msg := YAMLErrorLine(err)
			return &FileError{Problems: []Problem{{File: name, Message: msg, Hint: "a value starting with [ or { is a YAML list or mapping"}}}
		}
		val = unplaced(doc.Content[0])
	} else {
		// true and false are booleans, as in a manifest, so that a
		// switch can be given (-M epub.embed-fonts=true); a string key
		// takes them as written all the same.
		tag := "!!str"
		if value == "true" || value == "false" {
			tag = "!!bool"
		}
		val = &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
	}
	parts := strings.Split(key, ".")
	for i := len(parts) - 1; i >= 0; i-- {
		val = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: parts[i]}, val}}
	}
	d := newYAMLDecoder(name)
	d.homes = manifestKeyHomes
	d.decodeStruct(val, reflect.ValueOf(&Manifest{}).Elem(), "")
	if len(d.problems) > 0 {
		return d.err()
	}
	if md.overrides == nil {
		md.overrides = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	mergeMapping(md.overrides, val)
	md.text = append(md.text, "set "+pair)
	return nil
}

// Key returns a text that changes whenever the metadata does, for the
// record an incremental build keeps of its inputs.
func (md *Metadata) Key() string {
	if md == nil {
		return ""
	}
	return strings.Join(md.text, "\x00")
}

// LoadManifest is seed.LoadManifest with the metadata applied: the files
// under the manifest, the pairs over it. Values that did not come from the
// manifest are checked as its own are, but have no line in it.
func (md *Metadata) LoadManifest(seedDir string) (*Manifest, error) {
	if md == nil || (len(md.files) == 0 && md.overrides == nil) {
		return LoadManifest(seedDir)
	}
	return loadManifest(seedDir, md.apply)
}

// apply returns the manifest's root mapping with the metadata merged in. The
// nodes it takes from the metadata are copies without positions, so
// that no problem points at a line of the manifest they were not written on.
func (md *Metadata) apply(manifest *yaml.Node) *yaml.Node {
	merged := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: manifest.Line, Column: manifest.Column}
	for _, f := range md.files {
		mergeMapping(merged, unplaced(f))
	}
	mergeMapping(merged, manifest)
	if md.overrides != nil {
		mergeMapping(merged, unplaced(md.overrides))
	}
	return merged
}

// mergeMapping merges the mapping src into the mapping dst: a key both
// hold as mappings is merged in turn; any other key of src replaces dst's.
func mergeMapping(dst, src *yaml.Node) {
	for i := 0; i+1 < len(src.Content); i += 2 {
		k, v := src.Content[i], src.Content[i+1]
		j := mappingIndex(dst, k.Value)
		switch {
		case j < 0:
			dst.Content = append(dst.Content, k, v)
		case dst.Content[j+1].Kind == yaml.MappingNode && v.Kind == yaml.MappingNode:
			// A copy, so that merging into it never changes a node of
			// the manifest or of the metadata, which other seeds share.
			inner := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: dst.Content[j+1].Line, Column: dst.Content[j+1].Column,
				Content: append([]*yaml.Node(nil), dst.Content[j+1].Content...)}
			mergeMapping(inner, v)
			dst.Content[j+1] = inner
		default:
			dst.Content[j+1] = v
		}
	}
}

func mappingIndex(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// unplaced returns a deep copy of n without line and column.
func unplaced(n *yaml.Node) *yaml.Node {
	c := *n
	c.Line, c.Column = 0, 0
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = unplaced(k)
	}
	return &c
}

// String describes the metadata for a message.
func (md *Metadata) String() string {
	if md == nil {
		return ""
	}
	return fmt.Sprint(md.text)
}
