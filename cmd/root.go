// Package cmd holds reportlint's cobra commands and output printers.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/internal/termsafe"
	"github.com/reportlint/reportlint/lexicon"
	"github.com/reportlint/reportlint/segment"
)

// Exit codes, identical for every output format.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitInput    = 2 // usage, configuration, lexicon or input error
)

// exitError carries an exit code up to Execute; msg may be empty when the
// problem was already printed.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageError(format string, args ...any) error {
	return &exitError{ExitInput, fmt.Sprintf(format, args...)}
}

func inputError(err error) error { return &exitError{ExitInput, err.Error()} }

// App holds the dependencies every command uses.
type App struct {
	In       io.Reader
	Out, Err io.Writer
	OutTTY   bool // stdout is a terminal
	ErrTTY   bool
	Getenv   func(string) string

	LexiconFiles []string
	Encoding     string
	MaxSize      int64
	NoColor      bool
	OutputFile   string // -o/--output

	ConfigFile string // --config; "" looks for .reportlint.yaml
	NoConfig   bool   // --no-config
	Dir        string // working folder for config lookup; "" is the process's

	Debug  bool            // --debug: print an internal error's stack
	ran    map[string]bool // checks the last lint ran; nil when not tracked
	view   printOptions    // text output options of check-like commands
	inputs []string        // the command's inputs, for config lookup
	output *outputFile
	stdout io.Writer // app.Out before --output replaced it

	lexOnce sync.Once
	lex     *lexicon.Lexicon
	lexErr  error

	cfgOnce sync.Once
	cfg     *Config
	cfgErr  error
}

// System returns an App wired to the process's standard streams.
func System() *App {
	return &App{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()), ErrTTY: isatty.IsTerminal(os.Stderr.Fd()),
		Getenv: os.Getenv,
	}
}

// Color reports whether to colour stdout: only on a terminal, never with NO_COLOR.
func (app *App) Color() bool {
	return app.OutTTY && !app.NoColor && app.Getenv("NO_COLOR") == ""
}

func (app *App) loadOptions() segment.LoadOptions {
	return segment.LoadOptions{Encoding: app.Encoding, MaxSize: app.MaxSize}
}

// subcommands builds reportlint's commands (help lists them sorted).
var subcommands = []struct {
	name  string
	build func(*App) *cobra.Command
}{
	{"check", newCheckCmd},
	{"rules", newRulesCmd},
	{"placeholders", newPlaceholdersCmd},
	{"numbers", newNumbersCmd},
	{"segment", newSegmentCmd},
	{"structure", newStructureCmd},
	{"lexicon", newLexiconCmd},
	{"audit", newAuditCmd},
	{"config", newConfigCmd},
	{"serve", newServeCmd},
	{"review", newReviewCmd},
	{"fix", newFixCmd},
}

// NewRootCmd builds the whole command tree.
func NewRootCmd(app *App) *cobra.Command { return newRootCmd(app, nil) }

// newRootCmd builds the root command and what a run with args needs: only
// the subcommand args[0] names, only the root for a lone --version, and every
// command otherwise, so that help, completion and the suggestions for a
// mistyped command see them all. Building every command's flags costs more
// than a short run's own work.
func newRootCmd(app *App, args []string) *cobra.Command {
	root := &cobra.Command{
		Use:   "reportlint",
		Short: "离线检查述职报告、工作总结、政府工作报告等公文草稿",
		Long: "reportlint 在本机离线检查中文公文报告：未填写的占位符、固定提法、标题序号、必备章节、数字一致性、标点与数字用法。\n" +
			"文件内容不会发送到任何地方。",
		Version:                    versionString(),
		SuggestionsMinimumDistance: 2,
		Args:                       cobra.ArbitraryArgs,
		SilenceUsage:               true,
		SilenceErrors:              true,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			return unknownCommand(c, args[0])
		},
	}
	root.SetIn(app.In)
	root.SetOut(app.Out)
	root.SetErr(app.Err)
	pf := root.PersistentFlags()
	pf.StringArrayVar(&app.LexiconFiles, "lexicon", nil, "合并用户词库 YAML 文件（可重复）")
	pf.StringVar(&app.Encoding, "encoding", "auto", "文本编码：auto、utf-8、utf-16le、utf-16be、gb18030")
	app.MaxSize = segment.DefaultMaxSize
	pf.Var(sizeValue{&app.MaxSize}, "max-size", "单个输入文件的大小上限，可带单位：40MB、20MiB、500KB（1 MB = 1024 KB）")
	pf.BoolVar(&app.NoColor, "no-color", false, "不使用颜色")
	pf.StringVar(&app.ConfigFile, "config", "", "配置文件（默认从每个输入文件所在目录向上查找 "+ConfigName+"）")
	pf.BoolVar(&app.NoConfig, "no-config", false, "不读取配置文件")
	pf.StringVarP(&app.OutputFile, "output", "o", "", "把结果写入此文件（先写临时文件再改名，不会覆盖输入文件）")
	pf.BoolVar(&app.Debug, "debug", false, "内部错误时输出调用栈（报告问题时使用）")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError("%s", flagErrorChinese(err)) })
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error { return app.openOutput(c, args) }

	switch i := invokedCommand(args); {
	case i >= 0:
		root.AddCommand(subcommands[i].build(app))
		root.CompletionOptions.DisableDefaultCmd = true
	case versionOnly(args):
		root.CompletionOptions.DisableDefaultCmd = true
	default:
		for _, sc := range subcommands {
			root.AddCommand(sc.build(app))
		}
	}
	chinese(root)
	return root
}

// invokedCommand is the index in subcommands of the command args[0] names,
// or -1. A command named after a flag (reportlint --no-color check) is
// found by cobra in the whole tree.
func invokedCommand(args []string) int {
	if len(args) == 0 {
		return -1
	}
	for i, sc := range subcommands {
		if sc.name == args[0] {
			return i
		}
	}
	return -1
}

// versionOnly reports whether args only ask for the version: cobra prints it
// before anything that needs a subcommand (a help flag would win over it).
func versionOnly(args []string) bool {
	return len(args) == 1 && (args[0] == "--version" || args[0] == "-v")
}

// Execute runs the CLI and returns the process exit code.
func Execute() int { return run(System(), os.Args[1:]) }

func run(app *App, args []string) int { return runRoot(app, args, newRootCmd) }

// runRoot runs args on the command tree build makes for them.
func runRoot(app *App, args []string, build func(*App, []string) *cobra.Command) (code int) {
	out := &errWriter{w: app.Out}
	app.Out = out
	defer func() {
		if r := recover(); r != nil {
			app.discardOutput()
			fmt.Fprintln(app.Err, "reportlint：内部错误，检查未完成。请把所用命令和（去除敏感内容后的）输入文件报告给维护者；加 --debug 可显示调用栈。")
			if app.Debug {
				fmt.Fprintf(app.Err, "%s\n%s", termsafe.String(fmt.Sprint(r)), debug.Stack())
			}
			code = ExitInput
		}
	}()
	root := build(app, args)
	root.SetArgs(args)
	err := root.Execute()
	code, msg := ExitOK, ""
	if err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			code, msg = ee.code, ee.msg
		} else {
			code, msg = ExitInput, cobraErrorChinese(err) // compiles its regexps: only for cobra's own errors
		}
	}
	if code == ExitInput && msg != "" {
		app.discardOutput() // a usage or config error: keep no partial file
	} else if cerr := app.closeOutput(); cerr != nil {
		fmt.Fprintln(app.Err, "reportlint:", termsafe.String(cerr.Error()))
		return ExitInput
	}
	var ee *exitError
	if out.err != nil && err != nil && !errors.As(err, &ee) {
		msg = "" // the printer's own write error: reported once below
	}
	if msg != "" {
		fmt.Fprintln(app.Err, "reportlint:", termsafe.String(msg)) // file names and quoted input may hold escapes
	}
	if out.err != nil {
		if !errors.Is(out.err, syscall.EPIPE) { // a reader that stopped early (| head) needs no message
			fmt.Fprintf(app.Err, "reportlint: 写入输出失败：%s\n", termsafe.String(writeErrChinese(out.err)))
		}
		return ExitInput
	}
	return code
}
