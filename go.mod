module github.com/bindery-editions/bindery

go 1.26.8

require (
	codeberg.org/go-pdf/fpdf v0.12.0 // indirect
	github.com/BurntSushi/toml v1.2.1 // indirect
	github.com/gabriel-vasile/mimetype v1.4.3 // indirect
	github.com/go-shiori/go-epub v1.2.1 // indirect
	github.com/gofrs/uuid/v5 v5.0.0 // indirect
	github.com/vincent-petithory/dataurl v1.0.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	go.abhg.dev/goldmark/frontmatter v0.2.0 // indirect
	golang.org/x/image v0.48.0 // indirect
	golang.org/x/net v0.19.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
