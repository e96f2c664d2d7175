package cmd

import (
	"fmt"
	"time"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/docxout"
	"github.com/reportlint/reportlint/segment"
)

// reviewComments are the Word comments of a result: every finding the plan
// does not fix (a fixed one is the comment of its tracked change), and
// every placeholder no finding covers.
func reviewComments(res *analyze.Result, plan *fixPlan) []docxout.Comment {
	var out []docxout.Comment
	covered := map[segment.Span]bool{}
	for i, f := range res.Findings {
		if f.Suppressed {
			continue
		}
		covered[f.Span] = true
		if plan.fixed(i) {
			continue
		}
		out = append(out, docxout.Comment{Start: f.Span.Start, End: f.Span.End, Text: commentText(f, plan.Conflict[i])})
	}
	for _, p := range res.Placeholders {
		if covered[p.Span] {
			continue
		}
		msg := "【占位符】未填写的内容“" + p.Text + "”，请填写"
		out = append(out, docxout.Comment{Start: p.Start, End: p.End, Text: msg})
	}
	return out
}

// reviewedDocx is the reviewed copy of src in memory: the input .docx with
// comments and tracked changes, or a new .docx for text input, with the
// placement notes. maxSize is --max-size (0: the default).
func reviewedDocx(src *source, res *analyze.Result, plan *fixPlan, d *docxFlags, maxSize int64) ([]byte, []docxout.Note, error) {
	opt := docxout.Options{MaxUncompressed: 4 * maxSize}
	if d.CommentDate {
		opt.Date = time.Now().UTC().Truncate(time.Second)
	}
	comments := reviewComments(res, plan)
	if src.doc.Format == segment.FormatDocx {
		return docxout.Review(src.raw, src.doc, comments, plan.Edits, opt)
	}
	return docxout.FromTextNotes(src.doc, comments, plan.Edits, opt)
}

// writeDocx writes the reviewed copy of src to the output. Placement notes
// are printed on stderr as warnings.
func (app *App) writeDocx(src *source, res *analyze.Result, plan *fixPlan, d *docxFlags) error {
	out, notes, err := reviewedDocx(src, res, plan, d, app.MaxSize)
	if err != nil {
		return inputError(&segment.InputError{Path: src.doc.Path, Reason: "无法生成 Word 文件：" + err.Error()})
	}
	for _, n := range notes {
		fmt.Fprintf(app.Err, "reportlint：警告：%s 第 %d 行：%s\n", src.doc.Path, src.doc.Position(n.Start).Line, n.Message)
	}
	_, err = app.Out.Write(out)
	return err
}
