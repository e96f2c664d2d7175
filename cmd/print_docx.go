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

// writeDocx writes the reviewed copy of src to the output: the input .docx
// with comments and tracked changes, or a new .docx for text input.
// Placement notes are printed on stderr as warnings.
func (app *App) writeDocx(src *source, res *analyze.Result, plan *fixPlan, d *docxFlags) error {
	opt := docxout.Options{MaxUncompressed: 4 * app.MaxSize}
	if d.CommentDate {
		opt.Date = time.Now().UTC().Truncate(time.Second)
	}
	comments := reviewComments(res, plan)
	edits, _ := mergeTouching(src.doc.Text, plan.Edits)
	var (
		out   []byte
		notes []docxout.Note
		err   error
	)
	if src.doc.Format == segment.FormatDocx {
		out, notes, err = docxout.Review(src.raw, src.doc, comments, edits, opt)
	} else {
		out, notes, err = docxout.FromTextNotes(src.doc, comments, edits, opt)
	}
	if err != nil {
		return inputError(&segment.InputError{Path: src.doc.Path, Reason: "无法生成 Word 文件：" + err.Error()})
	}
	for _, n := range notes {
		fmt.Fprintf(app.Err, "reportlint：警告：%s 第 %d 行：%s\n", src.doc.Path, src.doc.Position(n.Start).Line, n.Message)
	}
	_, err = app.Out.Write(out)
	return err
}

// mergeTouching joins edits that touch (one ends where the next starts)
// into one tracked change. docxout otherwise opens the second edit's
// comment before the first edit's insertion, so that comment would be
// anchored on both replacements. of[k] is the merged index of edit k.
func mergeTouching(text string, edits []docxout.Edit) (merged []docxout.Edit, of []int) {
	for _, e := range edits {
		if n := len(merged); n > 0 && merged[n-1].End == e.Start && merged[n-1].Start < merged[n-1].End && e.Start < e.End {
			last := &merged[n-1]
			last.End = e.End
			last.Insert += e.Insert
			last.Comment += "\n" + e.Comment
		} else {
			merged = append(merged, e)
		}
		of = append(of, len(merged)-1)
	}
	return merged, of
}
