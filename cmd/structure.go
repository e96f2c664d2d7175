package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/termsafe"
	"github.com/reportlint/reportlint/segment"
)

var structureFormats = []string{"tree", "json"}

func newStructureCmd(app *App) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "structure FILE...",
		Short: "显示标题层次大纲（含未编号的部分），标出序号问题和文种组成部分",
		Long: "structure 按层级缩进列出报告的标题（一、（一）1.（1）①）及行号。未编号、以开头语引出的部分" +
			"（如“……还存在一些问题和不足，主要是：”“2024年，我将……”）标为［未编号］。\n" +
			"序号不连续、重复、重新起编、跳级、写法不规范等问题标在对应标题下；最后列出该文种通常包含的组成部分是否齐全。",
		Example: "  reportlint structure 述职报告.docx\n  reportlint structure --format json 工作总结.txt",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := app.prepare(c, o, structureFormats, args); err != nil {
				return err
			}
			lex, opt, err := app.setup(o, []*analyze.Check{checkNamed(structureName)})
			if err != nil {
				return err
			}
			docs, bad := app.loadDocs(args)
			results := make([]*analyze.Result, len(args))
			outlines := make([][]analyze.OutlineNode, len(args))
			for i, d := range docs {
				if d == nil {
					results[i] = bad[i]
					fmt.Fprintln(app.Err, "reportlint:", termsafe.String(bad[i].Err.Error()))
					continue
				}
				results[i] = analyze.Run(d, lex, opt)
				app.hideInternal(results[i])
				outlines[i] = analyze.OutlineFor(d, lex, results[i])
			}
			shown := o.shown(results)
			if o.Format == "json" {
				err = printStructureJSON(app.Out, docs, shown, outlines)
			} else {
				err = app.printStructureTree(app.Out, docs, shown, outlines)
			}
			if err != nil {
				return err
			}
			return o.exitCode(results)
		},
	}
	o.addFlags(c, structureFormats)
	c.Flags().MarkHidden("enable")
	c.Flags().MarkHidden("disable")
	return c
}

// attachFindings assigns each finding to the outline node whose marker or opening
// words it lies in, else to the innermost node containing it (-1: the
// document as a whole).
func attachFindings(nodes []analyze.OutlineNode, fs []analyze.Finding) map[int][]analyze.Finding {
	out := map[int][]analyze.Finding{}
	for _, f := range fs {
		at := -1
		if f.Span.Len() > 0 || f.Span.Start > 0 {
			for i := range nodes {
				n := &nodes[i]
				if n.Open.Contains(f.Span.Start) {
					at = i
					break
				}
				if n.Span.Contains(f.Span.Start) {
					at = i // keep looking for a deeper node
				}
			}
		}
		out[at] = append(out[at], f)
	}
	return out
}

func (app *App) printStructureTree(w io.Writer, docs []*segment.Document, results []*analyze.Result, outlines [][]analyze.OutlineNode) error {
	for di, r := range results {
		if di > 0 {
			fmt.Fprintln(w)
		}
		if r.Err != nil {
			fmt.Fprintf(w, "%s  %s\n", app.paint(ansiBold, termsafe.Line(r.Path)), app.paint(ansiRed, termsafe.Line(resultErrLabel(r))))
			continue
		}
		doc, nodes := docs[di], outlines[di]
		app.printHeader(w, r)
		if doc.Title.Len() > 0 {
			fmt.Fprintf(w, "标题：%s（第%d行）\n", termsafe.Line(doc.Slice(doc.Title)), doc.Position(doc.Title.Start).Line)
		}
		fmt.Fprintln(w)
		byNode := attachFindings(nodes, r.Findings)
		if len(nodes) == 0 {
			fmt.Fprintln(w, "（未识别到标题序号或未编号的组成部分）")
		}
		depth := make([]int, len(nodes))
		for i, n := range nodes {
			if n.Parent >= 0 {
				depth[i] = depth[n.Parent] + 1
			}
			indent := strings.Repeat("  ", depth[i])
			label := termsafe.Line(n.Marker + n.Title)
			if n.Implicit != "" {
				label = app.paint(ansiCyan, "［未编号·"+analyze.ImplicitName(n.Implicit)+"］") + termsafe.Line(n.Title)
			}
			fmt.Fprintf(w, "%5d  %s%s\n", n.Line, indent, label)
			for _, f := range byNode[i] {
				fmt.Fprintf(w, "       %s  %s %s  %s", indent, app.sevLabel(f.Severity), termsafe.Line(f.Message), app.paint(ansiCyan, "["+f.Rule+"]"))
				if f.Suggestion != "" {
					fmt.Fprintf(w, "  建议：%s", termsafe.Line(f.Suggestion))
				}
				if n.Open.Contains(f.Span.Start) {
					fmt.Fprintln(w)
				} else {
					fmt.Fprintf(w, "（第%d行）\n", f.Pos.Line)
				}
			}
		}
		if len(r.Sections) > 0 {
			fmt.Fprintf(w, "\n组成部分（%s）：\n", r.ProfileName)
			for _, s := range r.Sections {
				mark := "✓"
				switch s.Status {
				case analyze.StatusMissing:
					mark = "✗"
				case analyze.StatusOrder:
					mark = "↕"
				}
				line := ""
				if s.Line > 0 {
					line = fmt.Sprintf("第%d行  ", s.Line)
				}
				fmt.Fprintf(w, "  %s %s  %s%s", mark, s.Name, line, termsafe.Line(s.Heading))
				if s.Message != "" && s.Status != analyze.StatusOrder {
					fmt.Fprintf(w, "（%s）", termsafe.Line(s.Message))
				}
				fmt.Fprintln(w)
			}
		} else if r.Profile == "" {
			fmt.Fprintln(w, "\n组成部分：未识别报告类型，未检查（可用 --profile 指定）")
		} else {
			fmt.Fprintln(w, "\n组成部分：一级标题少于两个，未检查")
		}
		if fs := byNode[-1]; len(fs) > 0 {
			fmt.Fprintln(w)
			for _, f := range fs {
				fmt.Fprintf(w, "  %s  %s  %s\n", app.sevLabel(f.Severity), termsafe.Line(f.Message), app.paint(ansiCyan, "["+f.Rule+"]"))
				if f.Suggestion != "" {
					fmt.Fprintf(w, "        建议：%s\n", termsafe.Line(f.Suggestion))
				}
			}
		}
	}
	return nil
}

type jsonOutlineProblem struct {
	Rule       string           `json:"rule"`
	Severity   analyze.Severity `json:"severity"`
	Line       int              `json:"line"`
	Column     int              `json:"column"`
	Message    string           `json:"message"`
	Suggestion string           `json:"suggestion,omitempty"`
}

type jsonOutlineNode struct {
	analyze.OutlineNode
	Name     string               `json:"name,omitempty"` // Chinese name of an implicit section
	Offset   int                  `json:"offset"`
	End      int                  `json:"end_offset"` // end of the section
	Problems []jsonOutlineProblem `json:"problems"`
	Children []*jsonOutlineNode   `json:"children"`
}

func outlineProblems(fs []analyze.Finding) []jsonOutlineProblem {
	out := []jsonOutlineProblem{}
	for _, f := range fs {
		out = append(out, jsonOutlineProblem{f.Rule, f.Severity, f.Pos.Line, f.Pos.Col, f.Message, f.Suggestion})
	}
	return out
}

func printStructureJSON(w io.Writer, docs []*segment.Document, results []*analyze.Result, outlines [][]analyze.OutlineNode) error {
	type jfile struct {
		Path     string                  `json:"path"`
		Error    string                  `json:"error,omitempty"`
		Title    string                  `json:"title,omitempty"`
		Profile  string                  `json:"profile,omitempty"`
		Year     int                     `json:"year,omitempty"`
		Outline  []*jsonOutlineNode      `json:"outline"`
		Sections []analyze.SectionStatus `json:"sections"`
		Problems []jsonOutlineProblem    `json:"problems"` // findings not on a heading (sections, whole document)
	}
	rep := struct {
		Version int     `json:"version"`
		Files   []jfile `json:"files"`
	}{Version: 1, Files: []jfile{}}
	for di, r := range results {
		if r.Err != nil {
			rep.Files = append(rep.Files, jfile{Path: r.Path, Error: r.Err.Error(), Outline: []*jsonOutlineNode{},
				Sections: []analyze.SectionStatus{}, Problems: []jsonOutlineProblem{}})
			continue
		}
		doc, nodes := docs[di], outlines[di]
		byNode := attachFindings(nodes, r.Findings)
		f := jfile{Path: r.Path, Title: doc.Slice(doc.Title), Profile: r.Profile, Year: r.Year,
			Outline: []*jsonOutlineNode{}, Sections: nonNil(r.Sections), Problems: outlineProblems(byNode[-1])}
		js := make([]*jsonOutlineNode, len(nodes))
		for i, n := range nodes {
			j := &jsonOutlineNode{OutlineNode: n, Offset: n.Span.Start, End: n.Span.End,
				Problems: outlineProblems(byNode[i]), Children: []*jsonOutlineNode{}}
			if n.Implicit != "" {
				j.Name = analyze.ImplicitName(n.Implicit)
			}
			js[i] = j
			if n.Parent >= 0 {
				js[n.Parent].Children = append(js[n.Parent].Children, j)
			} else {
				f.Outline = append(f.Outline, j)
			}
		}
		rep.Files = append(rep.Files, f)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
