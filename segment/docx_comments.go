package segment

// Comment texts from word/comments.xml.

import "strings"

func parseDxComments(x *dxXML) (map[string]string, error) {
	texts := map[string][]string{}
	p := newDxParser(x)
	p.emit = func(b *dxPara) error {
		if b.comment != "" && len(texts) <= dxMaxParagraphs {
			texts[b.comment] = append(texts[b.comment], dxLine(b.text.String()))
		}
		return nil
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(texts))
	for id, ps := range texts {
		out[id] = strings.TrimSpace(strings.Join(ps, "\n"))
	}
	return out, nil
}
