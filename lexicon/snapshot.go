package lexicon

//go:generate go test -run TestBuiltinSnapshot -update

import (
	"fmt"
	"hash/crc32"
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
	for _, de := range names {
		if de.IsDir() || path.Ext(de.Name()) != ".yaml" {
			continue
		}
		data, err := dataFS.ReadFile("data/" + de.Name())
		if err != nil {
			return "", err
		}
		h.Write([]byte("\x00" + de.Name() + "\x00" + strconv.Itoa(len(data)) + "\x00"))
		h.Write(data)
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
