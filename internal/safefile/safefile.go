// Package safefile opens input, config and lexicon files safely: only
// regular files (never a FIFO, device or directory, even behind a symlink),
// read with a hard size limit, with Chinese reasons in the errors.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
)

// MaxLimit is the largest size limit honoured; larger limits are clamped.
// It keeps limit arithmetic (limit+1, 4×limit) far from overflow.
const MaxLimit int64 = 1 << 40

// Sentinels for errors.Is.
var (
	ErrNotExist   = errors.New("not exist")
	ErrPermission = errors.New("permission denied")
	ErrIsDir      = errors.New("is a directory")
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("too large")
)

// Error is a file that cannot be read. Error() is the Chinese reason without
// the path (the caller names the file).
type Error struct {
	Kind   error // one of the sentinels, or the underlying I/O error
	Reason string
	Size   int64 // for ErrTooLarge: the size seen (at least Limit+1)
	Limit  int64 // for ErrTooLarge
}

func (e *Error) Error() string { return e.Reason }
func (e *Error) Unwrap() error { return e.Kind }

// Clamp returns limit bounded to [1, MaxLimit]; limit <= 0 becomes def.
func Clamp(limit, def int64) int64 {
	if limit <= 0 {
		limit = def
	}
	return min(max(limit, 1), MaxLimit)
}

// MulClamp returns a*b for non-negative a, b, saturating at MaxLimit.
func MulClamp(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > math.MaxInt64/b || a*b > MaxLimit {
		return MaxLimit
	}
	return a * b
}

// ReadRegular reads the regular file at path (symlinks followed), at most
// limit bytes. A FIFO, device, socket or directory is refused before it is
// opened (and checked again on the opened file, so a swap cannot hang the
// reader); a file over limit is refused without reading past limit+1 bytes.
func ReadRegular(path string, limit int64) ([]byte, error) {
	limit = Clamp(limit, MaxLimit)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fsError(err)
	}
	if err := checkInfo(fi, limit); err != nil {
		return nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, fsError(err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, fsError(err)
	}
	if err := checkInfo(fi, limit); err != nil {
		return nil, err
	}
	return readLimited(f, limit, fi.Size())
}

// ReadLimited reads r to the end, refusing more than limit bytes.
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	return readLimited(r, limit, 0)
}

// readLimited is ReadLimited with the expected size, when known, as the
// buffer's first capacity (as os.ReadFile does): io.ReadAll would grow
// from 512 bytes, allocating about twice the file in garbage.
func readLimited(r io.Reader, limit, size int64) ([]byte, error) {
	limit = Clamp(limit, MaxLimit)
	lr := io.LimitReader(r, limit+1)
	var data []byte
	var err error
	if size > 0 && size <= limit {
		data = make([]byte, 0, size+1) // +1: the read that finds EOF
		for {
			if len(data) == cap(data) {
				data = append(data, 0)[:len(data)]
			}
			var n int
			n, err = lr.Read(data[len(data):cap(data)])
			data = data[:len(data)+n]
			if err != nil {
				if err == io.EOF {
					err = nil
				}
				break
			}
		}
	} else {
		data, err = io.ReadAll(lr)
	}
	if err != nil {
		return nil, &Error{Kind: err, Reason: "读取失败：" + err.Error()}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(int64(len(data)), limit)
	}
	return data, nil
}

func checkInfo(fi fs.FileInfo, limit int64) error {
	switch m := fi.Mode(); {
	case m.IsDir():
		return &Error{Kind: ErrIsDir, Reason: "是目录，不是文件"}
	case !m.IsRegular():
		return &Error{Kind: ErrNotRegular, Reason: "不是普通文件（FIFO/设备/目录等），已拒绝读取"}
	case fi.Size() > limit:
		return tooLarge(fi.Size(), limit)
	}
	return nil
}

func tooLarge(size, limit int64) error {
	return &Error{Kind: ErrTooLarge, Size: size, Limit: limit,
		Reason: fmt.Sprintf("文件大小 %s 超过大小上限 %s", HumanSize(size), HumanSize(limit))}
}

func fsError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Kind: ErrNotExist, Reason: "文件不存在"}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Kind: ErrPermission, Reason: "没有读取权限"}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Kind: err, Reason: "无法读取：" + err.Error()}
}

// HumanSize formats a byte count as "2.0 GB", "1.5 MB", "12.0 KB" or "300 B".
func HumanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
