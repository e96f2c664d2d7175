package cmd

import (
	"bytes"
	"testing"

	"github.com/reportlint/reportlint/similar"
)

// FuzzAuditMerge: any --merge input gives records or a Chinese error,
// never a panic; what it accepts can be reported.
func FuzzAuditMerge(f *testing.F) {
	f.Add([]byte(`{"kind":"reportlint-audit-file","version":1,"path":"a.txt","counts":{"errors":1},"claims":[{"metric":"全市新建5G基站","unit":"个","period":"2024年","value":12,"line":1,"col":1}]}` + "\n" +
		`{"kind":"reportlint-audit-file","version":1,"path":"b.txt","counts":{},"claims":[{"metric":"全市新建5G基站","unit":"个","period":"2024年","value":15,"line":2,"col":3}]}`))
	f.Add([]byte(`{"kind":"reportlint-audit-file","version":1,"path":"a.txt","error":"文件不存在"}`))
	f.Add([]byte(`{"kind":"reportlint-audit-file","version":1,"path":"a.txt","signature":{"v":1,"k":8,"w":6,"chars":5,"len":9,"hash":"1f","fps":"","lines":""}}`))
	f.Add([]byte("\n\n{}\n"))
	f.Add([]byte(`{"kind":"reportlint-audit-file","version":1,"path":"a.txt","counts":{"errors":1e400}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, copies := range []bool{false, true} {
			m := newMerger(similar.NewIndex(similar.Options{}), true, copies)
			if err := m.readLines(bytes.NewReader(data), "x.jsonl"); err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				continue
			}
			rep := m.report()
			var out bytes.Buffer
			if err := printAuditJSON(&out, rep); err != nil {
				t.Fatalf("json: %v", err)
			}
			if err := printAuditCSV(&out, rep); err != nil {
				t.Fatalf("csv: %v", err)
			}
			if err := printAuditHTML(&out, rep); err != nil {
				t.Fatalf("html: %v", err)
			}
		}
	})
}
