package main

import (
	"bytes"
	"os"
	"testing"
)

// TestFresh checks that ../tables_gen.go is what Render produces now.
func TestFresh(t *testing.T) {
	want, err := Render()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("typo/tables_gen.go is stale: run `go generate ./typo`")
	}
}
