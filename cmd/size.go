package cmd

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// maxSizeLimit is the largest --max-size accepted: .docx decompression is
// capped at four times the limit, which must stay far from int64 overflow.
const maxSizeLimit = 1 << 30

// sizeValue is a byte count flag accepting units: 40MB, 20MiB, 500KB, 1GB, 1024.
// KB/MB/GB and KiB/MiB/GiB are both powers of 1024, as the messages print them.
type sizeValue struct{ n *int64 }

func (s sizeValue) String() string {
	if s.n == nil {
		return ""
	}
	return formatSize(*s.n)
}

func (s sizeValue) Type() string { return "大小" }

func (s sizeValue) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s.n = n
	return nil
}

// parseSize reads a positive size of at most maxSizeLimit bytes.
func parseSize(v string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(v))
	mult := 1.0
	for _, u := range []struct {
		suffix string
		mult   float64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || t == "" || strings.ContainsAny(t, "XPN") { // no hex, Inf or NaN
		return 0, fmt.Errorf("%q 不是有效的大小（例：40MB、20MiB、500KB 或字节数）", v)
	}
	b := f * mult
	switch {
	case math.IsNaN(b) || b < 1:
		return 0, fmt.Errorf("%q 无效：大小应至少为 1 字节", v)
	case b > maxSizeLimit:
		return 0, fmt.Errorf("%q 超过允许的上限 %s", v, formatSize(maxSizeLimit))
	}
	return int64(b), nil
}

// formatSize prints bytes as 20.0 MB, 500.0 KB or 12 B (1 MB = 1024 KB).
func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
