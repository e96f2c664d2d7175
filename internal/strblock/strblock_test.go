package strblock

import (
	"testing"
	"unsafe"
)

func TestCopy(t *testing.T) {
	text := "全市新建学校12所，改造道路30公里。"
	a, b, c, empty := text[:9], text[9:20], text[20:], ""
	var p Pool
	for _, s := range []*string{&a, &b, &c, &empty} {
		p.Add(s)
	}
	p.Copy()
	if a+b+c != text || empty != "" {
		t.Fatalf("copied %q %q %q %q", a, b, c, empty)
	}
	t0 := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	for _, s := range []string{a, b, c} {
		if q := uintptr(unsafe.Pointer(unsafe.StringData(s))); q >= t0 && q < t0+uintptr(len(text)) {
			t.Errorf("%q still points into the text", s)
		}
	}
	if unsafe.StringData(b) != (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(a)), len(a))) {
		t.Error("the copies are not one block")
	}
	p.Copy() // empty pool: nothing to do
}
