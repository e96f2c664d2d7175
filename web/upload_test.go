package web

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestNoTempFiles uploads a file larger than net/http's default multipart
// memory (32 MB, above which r.FormFile would spill to os.TempDir) and
// checks that nothing appeared in the temporary folder, while the request
// is handled (net/http removes a spilled form's files after the handler
// returns) and after.
func TestNoTempFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("uploads 33 MB")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if os.TempDir() != tmp {
		t.Skipf("os.TempDir() ignores TMPDIR here (%s)", os.TempDir())
	}
	var during []os.DirEntry
	ts := newServer(t, Options{MaxUploadBytes: 40 << 20, Review: func(ctx context.Context, name string, data []byte) (*Review, error) {
		during, _ = os.ReadDir(tmp)
		return echoReview(ctx, name, data)
	}})
	data := strings.Repeat("一二三四五六七八九十\n", 33<<20/31)
	resp, page := sendFile(t, ts, "大报告.docx", data)
	if resp.StatusCode != 200 || !strings.Contains(page, echoLine("大报告.docx", []byte(data))) {
		t.Fatalf("status %d", resp.StatusCode)
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(during, left...) {
		t.Errorf("temporary file created: %s", e.Name())
	}
}

// FuzzUpload feeds arbitrary multipart bodies to /review and /download:
// never a panic, always one of the expected answers.
func FuzzUpload(f *testing.F) {
	f.Add([]byte("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n正文\r\n--B--\r\n"), false)
	f.Add([]byte("--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\na.docx\r\n--B\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\nUEsDBA==\r\n--B--\r\n"), true)
	f.Add([]byte("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"..\\\\..\\\\x\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E6=AD=A3\r\n--B--"), false)
	f.Add([]byte("--B--\r\n"), true)
	h := Handler(Options{MaxUploadBytes: 1 << 10, Review: echoReview, Logf: func(string, ...any) {},
		ReviewDocx: func(_ context.Context, n string, d []byte) ([]byte, string, error) { return d, n, nil }})
	local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8723}
	f.Fuzz(func(t *testing.T, body []byte, download bool) {
		path := "/review"
		if download {
			path = "/download"
		}
		req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8723"+path, bytes.NewReader(body))
		req = req.WithContext(context.WithValue(req.Context(), http.LocalAddrContextKey, net.Addr(local)))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=B")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 400, 413:
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if rec.Code != 200 && !strings.Contains(rec.Body.String(), "rl-msg") {
			t.Fatalf("error without a message: %s", rec.Body)
		}
	})
}
