//go:build unix

package safefile

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"
)

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(ok, []byte("一年来"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := ReadRegular(ok, 100)
	if err != nil || string(data) != "一年来" {
		t.Fatalf("regular file: %q, %v", data, err)
	}
	// Exactly at the limit is fine; one byte over is not.
	if _, err := ReadRegular(ok, 9); err != nil {
		t.Fatalf("at limit: %v", err)
	}
	if _, err := ReadRegular(ok, 8); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "超过大小上限") {
		t.Fatalf("over limit: %v", err)
	}
	// MaxInt64 must not overflow into "read nothing".
	if data, err := ReadRegular(ok, math.MaxInt64); err != nil || string(data) != "一年来" {
		t.Fatalf("MaxInt64 limit: %q, %v", data, err)
	}

	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path string
		want error
		msg  string
	}{
		{fifo, ErrNotRegular, "不是普通文件"},
		{link, ErrNotRegular, "不是普通文件"},
		{"/dev/zero", ErrNotRegular, "不是普通文件"},
		{dir, ErrIsDir, "是目录"},
		{filepath.Join(dir, "missing"), ErrNotExist, "文件不存在"},
	}
	for _, c := range cases {
		if c.path == "/dev/zero" {
			if _, err := os.Stat(c.path); err != nil {
				continue
			}
		}
		_, err := ReadRegular(c.path, 1<<20)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v, want %v (%s)", c.path, err, c.want, c.msg)
		}
	}
}

// A FIFO opened through openNonBlocking does not block, so the Stat check
// after the open catches a file swapped in after the first Stat.
func TestOpenNonBlockingFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	f, err := openNonBlocking(fifo)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := checkInfo(fi, 10); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("opened FIFO passes the check: %v", err)
	}
}

func TestClamp(t *testing.T) {
	cases := []struct{ in, def, want int64 }{
		{0, 5, 5}, {-1, 5, 5}, {7, 5, 7}, {math.MaxInt64, 5, MaxLimit},
	}
	for _, c := range cases {
		if got := Clamp(c.in, c.def); got != c.want {
			t.Errorf("Clamp(%d, %d) = %d, want %d", c.in, c.def, got, c.want)
		}
	}
	if got := MulClamp(math.MaxInt64, 4); got != MaxLimit {
		t.Errorf("MulClamp overflow: %d", got)
	}
	if got := MulClamp(20<<20, 4); got != 80<<20 {
		t.Errorf("MulClamp(20 MB, 4) = %d", got)
	}
}

// readLimited reads the whole input whatever the size hint says (a file
// may grow or shrink after Stat) and still refuses more than limit bytes.
func TestReadLimitedSizeHint(t *testing.T) {
	data := bytes.Repeat([]byte("报告正文。"), 2000) // 30,000 bytes
	for _, hint := range []int64{0, 1, 511, int64(len(data)) - 1, int64(len(data)), int64(len(data)) + 1, 1 << 20} {
		got, err := readLimited(bytes.NewReader(data), 1<<20, hint)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("hint %d: read %d bytes, err %v; want all %d", hint, len(got), err, len(data))
		}
		if _, err := readLimited(bytes.NewReader(data), int64(len(data))-1, hint); err == nil {
			t.Errorf("hint %d: a file over the limit was read", hint)
		}
		if got, err := readLimited(iotest.OneByteReader(bytes.NewReader(data)), 1<<20, hint); err != nil || !bytes.Equal(got, data) {
			t.Errorf("hint %d, one byte a read: %d bytes, err %v", hint, len(got), err)
		}
	}
	if _, err := readLimited(iotest.ErrReader(io.ErrUnexpectedEOF), 100, 10); err == nil {
		t.Error("a read error was lost")
	}
}

// A regular file is read into one buffer of its size.
func TestReadRegularAllocatesOnce(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("x"), 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	data, err := ReadRegular(p, 2<<20)
	runtime.ReadMemStats(&b)
	if err != nil || len(data) != 1<<20 {
		t.Fatalf("read %d bytes, err %v", len(data), err)
	}
	if n := b.TotalAlloc - a.TotalAlloc; n > 1<<20+64<<10 {
		t.Errorf("reading a 1 MB file allocated %d bytes", n)
	}
}
