// Package cmd holds reportlint's cobra commands and output printers.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

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

	ConfigFile string // --config; "" looks for .reportlint.yaml
	NoConfig   bool   // --no-config
	Dir        string // working folder for config lookup; "" is the process's

	lexOnce sync.Once
	lex     *lexicon.Lexicon
	lexErr  error

	cfgOnce       sync.Once
	cfg           *Config
	cfgErr        error
	cfgLexApplied bool
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

// lexicon returns the built-in lexicon merged with --lexicon files.
func (app *App) lexicon() (*lexicon.Lexicon, error) {
	app.lexOnce.Do(func() {
		app.lex, app.lexErr = lexicon.Load(app.LexiconFiles...)
	})
	if app.lexErr != nil {
		return nil, &exitError{ExitInput, "词库错误：" + app.lexErr.Error()}
	}
	return app.lex, nil
}

func (app *App) loadOptions() segment.LoadOptions {
	return segment.LoadOptions{Encoding: app.Encoding, MaxSize: app.MaxSize}
}

// NewRootCmd builds the command tree.
func NewRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "reportlint",
		Short: "离线检查述职报告、工作总结、政府工作报告等公文草稿",
		Long: "reportlint 在本机离线检查中文公文报告：未填写的占位符、固定提法、标题序号、必备章节、数字一致性、标点与数字用法。\n" +
			"文件内容不会发送到任何地方。",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(app.In)
	root.SetOut(app.Out)
	root.SetErr(app.Err)
	pf := root.PersistentFlags()
	pf.StringArrayVar(&app.LexiconFiles, "lexicon", nil, "合并用户词库 YAML 文件（可重复）")
	pf.StringVar(&app.Encoding, "encoding", "auto", "文本编码：auto、utf-8、utf-16le、utf-16be、gb18030")
	pf.Int64Var(&app.MaxSize, "max-size", segment.DefaultMaxSize, "单个输入文件的大小上限（字节）")
	pf.BoolVar(&app.NoColor, "no-color", false, "不使用颜色")
	pf.StringVar(&app.ConfigFile, "config", "", "配置文件（默认在当前目录及上级目录中查找 "+ConfigName+"）")
	pf.BoolVar(&app.NoConfig, "no-config", false, "不读取配置文件")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError("%v", err) })

	root.AddCommand(newCheckCmd(app))
	root.AddCommand(newRulesCmd(app))
	root.AddCommand(newPlaceholdersCmd(app))
	root.AddCommand(newNumbersCmd(app))
	root.AddCommand(newSegmentCmd(app))
	root.AddCommand(newStructureCmd(app))
	root.AddCommand(newLexiconCmd(app))
	root.AddCommand(newAuditCmd(app))
	root.AddCommand(newServeCmd(app))
	return root
}

// Execute runs the CLI and returns the process exit code.
func Execute() int { return run(System(), os.Args[1:]) }

func run(app *App, args []string) int {
	root := NewRootCmd(app)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(app.Err, "reportlint:", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(app.Err, "reportlint:", err)
	return ExitInput
}
