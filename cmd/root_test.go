package cmd

import (
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

// commandNames lists the names of c's subcommands.
func commandNames(c *cobra.Command) []string {
	var names []string
	for _, sub := range c.Commands() {
		names = append(names, sub.Name())
	}
	return names
}

// The table of subcommands names the whole tree's commands.
func TestSubcommandsTable(t *testing.T) {
	app, _, _ := testApp("")
	var want []string
	for _, name := range commandNames(NewRootCmd(app)) {
		if name != "help" && name != "completion" {
			want = append(want, name)
		}
	}
	var got []string
	for _, sc := range subcommands {
		got = append(got, sc.name)
		app, _, _ := testApp("")
		if c := sc.build(app); c.Name() != sc.name || len(c.Aliases) > 0 {
			t.Errorf("subcommands entry %q builds %q (aliases %v): a run of %[1]q would not find it", sc.name, c.Name(), c.Aliases)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("subcommands = %v, the tree has %v", got, want)
	}
}

// A run builds only what its arguments need.
func TestRunBuildsOnlyTheInvokedCommand(t *testing.T) {
	cases := []struct {
		args []string
		want []string // nil: every command
	}{
		{[]string{"check", example}, []string{"check", "help"}},
		{[]string{"lexicon", "list"}, []string{"help", "lexicon"}},
		{[]string{"--version"}, []string{}},
		{[]string{"-v"}, []string{}},
		{[]string{"--version", "check"}, nil},
		{[]string{"--no-color", "check", example}, nil},
		{[]string{"help", "check"}, nil},
		{[]string{"chek"}, nil},
		{[]string{"completion", "bash"}, nil},
		{[]string{"__complete", "check", "--f"}, nil},
		{nil, nil},
	}
	app, _, _ := testApp("")
	all := commandNames(NewRootCmd(app))
	for _, c := range cases {
		app, _, _ := testApp("")
		got := commandNames(newRootCmd(app, c.args))
		want := c.want
		if want == nil {
			want = all
		}
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%q builds %v, want %v", c.args, got, want)
		}
	}
}

// A run on the partial tree prints and exits exactly as on the whole tree.
func TestPartialTreeSameAsWhole(t *testing.T) {
	whole := func(app *App, _ []string) *cobra.Command { return NewRootCmd(app) }
	cases := [][]string{{"--version"}, {"-v"}, {"check", example}, {"placeholders", example}, {"rules"}, {"check"}}
	app, _, _ := testApp("")
	for _, c := range NewRootCmd(app).Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		cases = append(cases, []string{c.Name(), "--help"}, []string{c.Name(), "--no-such-flag"}, []string{c.Name(), "-h", "--bogus"})
		for _, sub := range c.Commands() {
			cases = append(cases, []string{c.Name(), sub.Name(), "--help"}, []string{c.Name(), sub.Name(), "--bogus"})
		}
	}
	for _, args := range cases {
		a1, out1, err1 := testApp("")
		code1 := runRoot(a1, args, newRootCmd)
		a2, out2, err2 := testApp("")
		code2 := runRoot(a2, args, whole)
		if code1 != code2 || out1.String() != out2.String() || err1.String() != err2.String() {
			t.Errorf("%q: partial tree exit %d, stdout %q, stderr %q\nwhole tree exit %d, stdout %q, stderr %q",
				args, code1, out1, err1, code2, out2, err2)
		}
	}
}
