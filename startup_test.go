package main

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/lazy"
)

// builtAtStart is lazy.Built() once every package is initialised and before
// any test runs.
var builtAtStart int64

// initProbe makes the test binary exit right after initialisation, so that a
// test can read the inittrace of a process that did nothing else.
const initProbe = "REPORTLINT_INIT_PROBE"

func TestMain(m *testing.M) {
	builtAtStart = lazy.Built()
	if os.Getenv(initProbe) != "" {
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// No package initialisation evaluates a lazy value (calls a lazy.Regexp
// accessor, for example, in another package-level var).
func TestNoLazyValueBuiltAtInit(t *testing.T) {
	if builtAtStart != 0 {
		t.Errorf("package initialisation built %d lazy values: start-up must not call lazy accessors", builtAtStart)
	}
}

// cheapAtInit are the calls a package-level var may make: they allocate a
// few bytes and defer any real work.
var cheapAtInit = map[string]bool{
	"lazy.Value": true, "lazy.Regexp": true, "lazy.Set": true,
	"errors.New": true, "NewKey": true, "analyze.NewKey": true,
	"strings.NewReplacer": true, // builds its tables on first Replace
	"unsafe.Slice":        true, "unsafe.String": true, "unsafe.StringData": true,
	"append": true, "len": true,
}

// Package-level vars of the binary's packages do no work at start: regexps,
// templates, word sets and tables built by a function are lazy.
func TestNoPackageLevelWork(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "tools", ".git", "third_party":
				// tools are separate programs; third_party is others' code
				// (its init costs are measured by the process tests)
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if strings.HasSuffix(f.Name.Name, "test") || strings.Contains(path, "analyzetest") || strings.Contains(path, "docxtest") {
			return nil // test helpers, not linked into the binary
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
				checkInitFunc(t, fset, fd)
			}
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					if call := workAtInit(v); call != "" {
						t.Errorf("%s: a package-level var calls %s at start: build it on first use (internal/lazy), "+
							"or list the call in cheapAtInit if it does no real work", fset.Position(v.Pos()), call)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkInitFunc allows init functions that only register template functions
// or turn tablewriter's width cache off (a setter that frees the cache).
func checkInitFunc(t *testing.T, fset *token.FileSet, fd *ast.FuncDecl) {
	for _, st := range fd.Body.List {
		es, ok := st.(*ast.ExprStmt)
		if call, isCall := es.X.(*ast.CallExpr); ok && isCall &&
			(callName(call) == "cobra.AddTemplateFunc" || callName(call) == "twwidth.SetCacheCapacity") {
			continue
		}
		t.Errorf("%s: func init does work at start: only cobra.AddTemplateFunc and twwidth.SetCacheCapacity calls are expected", fset.Position(st.Pos()))
	}
}

// workAtInit returns the first call in e that runs at initialisation and is
// not known to be cheap, or "". Function literals run later, unless called
// on the spot.
func workAtInit(e ast.Expr) string {
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			switch x.Fun.(type) {
			case *ast.FuncLit:
				found = "a function literal"
				return false
			case *ast.ArrayType, *ast.MapType, *ast.StarExpr, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.ParenExpr:
				return true // a conversion
			}
			if name := callName(x); !cheapAtInit[name] {
				found = name
				return false
			}
		}
		return true
	})
	return found
}

func callName(c *ast.CallExpr) string {
	fun := c.Fun
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name + "." + f.Sel.Name
		}
		return "?." + f.Sel.Name
	}
	return "an expression"
}

// initBudget bounds what initialising one of our packages may allocate: a
// few small maps and lazy wrappers. One compiled regexp, word set or parsed
// template costs more.
const (
	initBudgetBytes = 16 << 10
	initBudgetTotal = 48 << 10
)

// Initialising our packages allocates little, measured by the runtime
// (GODEBUG=inittrace=1) in a copy of this test binary that exits after
// initialisation.
func TestInitAllocationBudget(t *testing.T) {
	c := exec.Command(os.Args[0], "-test.run=^$")
	c.Env = append(os.Environ(), "GODEBUG=inittrace=1", initProbe+"=1")
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		t.Fatalf("probe: %v\n%s", err, stderr.String())
	}
	total, seen := 0, 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init github.com/reportlint/reportlint/analyze @26 ms, 0.08 ms clock, 3712 bytes, 80 allocs
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || !strings.HasPrefix(f[1], "github.com/reportlint/reportlint") {
			continue
		}
		bytes, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("inittrace line %q: %v", sc.Text(), err)
		}
		seen++
		total += bytes
		if bytes > initBudgetBytes {
			t.Errorf("initialising %s allocates %d bytes (%s allocs), over %d: build its tables on first use (internal/lazy)",
				f[1], bytes, f[9], initBudgetBytes)
		}
	}
	if seen < 10 {
		t.Fatalf("inittrace shows %d of our packages; stderr:\n%s", seen, stderr.String())
	}
	if total > initBudgetTotal {
		t.Errorf("initialising our packages allocates %d bytes in all, over %d", total, initBudgetTotal)
	}
}
