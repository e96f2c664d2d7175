package cmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/internal/termsafe"
	"github.com/reportlint/reportlint/segment"
)

type jsonToken struct {
	Text      string `json:"text"`
	POS       string `json:"pos"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
}

func newSegmentCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	var full, spaces bool
	c := &cobra.Command{
		Use:   "segment FILE...",
		Short: "显示分词结果（词、词性、位置），用于调试词库",
		Long: "segment 打印 gse 分词得到的每个词及其词性和位置，便于词库作者查看某个提法为何能或不能整体匹配。\n" +
			"词库（配置文件的 lexicons 和 --lexicon）中的术语会作为整词加入词典。",
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, []string{"table", "json"}, args); err != nil {
				return err
			}
			lex, err := app.lexicon()
			if err != nil {
				return err
			}
			docs, bad := app.loadDocs(args)
			var texts []string
			for i, d := range docs {
				if d == nil {
					fmt.Fprintln(app.Err, "reportlint:", termsafe.String(bad[i].Err.Error()))
					continue
				}
				texts = append(texts, d.Text)
			}
			var seg *segment.Segmenter
			if full {
				seg = segment.NewFullSegmenter(lex.SegmentTerms())
			} else {
				seg = segment.NewSegmenterFor(texts, lex.SegmentTerms())
			}
			type jfile struct {
				Path   string      `json:"path"`
				Error  string      `json:"error,omitempty"`
				Tokens []jsonToken `json:"tokens"`
			}
			rep := struct {
				Version int     `json:"version"`
				Files   []jfile `json:"files"`
			}{Version: 1, Files: []jfile{}}
			failed := false
			for i, d := range docs {
				if d == nil {
					failed = true
					rep.Files = append(rep.Files, jfile{Path: bad[i].Path, Error: bad[i].Err.Error(), Tokens: []jsonToken{}})
					continue
				}
				f := jfile{Path: d.Path, Tokens: []jsonToken{}}
				cur := posCursor{doc: d}
				for _, t := range seg.Tokens(d.Text) {
					p := cur.at(t.Span().Start) // before the space filter: the cursor walks every token
					if !spaces && strings.TrimSpace(t.Text) == "" {
						continue
					}
					f.Tokens = append(f.Tokens, jsonToken{t.Text, t.POS(), p.Line, p.Col, t.Span().Start, t.Span().End})
				}
				rep.Files = append(rep.Files, f)
			}
			if o.Format == "json" {
				enc := json.NewEncoder(app.Out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else {
				w := bufio.NewWriter(app.Out) // write errors reach app.Out's errWriter on flush
				for _, f := range rep.Files {
					if f.Error != "" {
						continue
					}
					fmt.Fprintf(w, "# %s（%d 个词）\n", termsafe.Line(f.Path), len(f.Tokens))
					for _, t := range f.Tokens {
						fmt.Fprintf(w, "%d:%d\t%s\t%s\t[%d,%d)\n", t.Line, t.Column, termsafe.Line(t.Text), termsafe.Line(t.POS), t.Offset, t.EndOffset)
					}
				}
				w.Flush()
			}
			if failed {
				return &exitError{code: ExitInput}
			}
			return nil
		},
	}
	o.addFlags(c, []string{"table", "json"})
	for _, name := range []string{"fail-on", "min-severity", "enable", "disable", "show-suppressed", "profile", "year"} {
		c.Flags().MarkHidden(name)
	}
	c.Flags().BoolVar(&full, "full", false, "加载完整词典（默认只加载与输入相关的词条，结果相同但更快）")
	c.Flags().BoolVar(&spaces, "spaces", false, "也输出空白词元")
	return c
}

// posCursor positions increasing offsets of one document by counting the
// runes between consecutive ones: O(1) amortised per token. An offset
// before the last one falls back to doc.Position.
type posCursor struct {
	doc *segment.Document
	off int
	pos segment.Pos
}

func (c *posCursor) at(off int) segment.Pos {
	if c.pos.Line == 0 || off < c.off || off > len(c.doc.Text) {
		c.off, c.pos = off, c.doc.Position(off)
		return c.pos
	}
	for s := c.doc.Text[c.off:off]; s != ""; {
		r, w := utf8.DecodeRuneInString(s)
		if r == '\n' {
			c.pos.Line, c.pos.Col = c.pos.Line+1, 1
		} else {
			c.pos.Col++
		}
		s = s[w:]
	}
	c.off = off
	return c.pos
}
