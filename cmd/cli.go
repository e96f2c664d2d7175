package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/reportlint/reportlint/internal/lazy"
)

// versionString is the module version and the VCS commit the binary was built from.
func versionString() string {
	v, commit, dirty, when := "dev", "", false, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			case "vcs.time":
				when = s.Value
			}
		}
	}
	if commit == "" {
		return v
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	s := v + "（提交 " + commit
	if dirty {
		s += "，含未提交的修改"
	}
	if when != "" {
		s += "，" + when
	}
	return s + "）"
}

const usageTemplate = `用法：{{if .Runnable}}
  {{zhUseLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{zhFlags .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{zhFlags .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} [命令] --help" 查看命令的说明。{{end}}
`

const helpTemplate = `{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`

// chinese translates cobra's built-in texts: templates, the help and
// version flags, the help and completion commands.
func chinese(root *cobra.Command) {
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpTemplate(helpTemplate)
	root.SetVersionTemplate("reportlint {{.Version}}\n")
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	if f := root.Flags().Lookup("version"); f != nil {
		f.Usage = "显示版本（模块版本和提交）"
	}
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = "显示任一命令的帮助"
			c.Long = "help 显示任一命令的用法、选项和示例，例如 reportlint help check。"
		case "completion":
			translateCompletion(c)
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = "显示帮助"
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func translateCompletion(c *cobra.Command) {
	c.Short = "生成 Shell 自动补全脚本（bash、zsh、fish、powershell）"
	c.Long = "completion 为指定的 Shell 生成自动补全脚本，可补全命令、选项，以及 --format、--fail-on、--min-severity、" +
		"--enable/--disable（检查名和规则编号）的取值。\n\n" +
		"bash（当前会话）：  source <(reportlint completion bash)\n" +
		"bash（长期）：      reportlint completion bash > /etc/bash_completion.d/reportlint\n" +
		"zsh：               reportlint completion zsh > \"${fpath[1]}/_reportlint\"\n" +
		"fish：              reportlint completion fish > ~/.config/fish/completions/reportlint.fish\n" +
		"PowerShell：        reportlint completion powershell | Out-String | Invoke-Expression"
	for _, sub := range c.Commands() {
		sub.Short = "生成 " + sub.Name() + " 的自动补全脚本"
		sub.Long = sub.Short + "。用法见 reportlint completion --help。"
		if f := sub.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = "补全时不显示说明"
		}
	}
}

func unknownCommand(c *cobra.Command, name string) error {
	msg := fmt.Sprintf("未知的命令 %q", name)
	if s := c.SuggestionsFor(name); len(s) > 0 {
		msg += "，是否指：" + strings.Join(s, "、")
	}
	return usageError("%s（全部命令见 %s --help）", msg, c.CommandPath())
}

var (
	reInvalidArg = lazy.Regexp(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`)
	reNeedsArg   = lazy.Regexp(`^flag needs an argument: (?:'(.)' in )?(-.*)$`)
	reUnknownFl  = lazy.Regexp(`^unknown (?:shorthand )?flag: (.*)$`)
	reBadFlag    = lazy.Regexp(`^bad flag syntax: (.*)$`)
)

// flagErrorChinese translates pflag's parse errors.
func flagErrorChinese(err error) string {
	msg := err.Error()
	if m := reInvalidArg().FindStringSubmatch(msg); m != nil {
		inner := m[3]
		if !hasHan(inner) {
			switch {
			case strings.Contains(inner, "ParseInt"), strings.Contains(inner, "Atoi"):
				inner = "应为整数"
			case strings.Contains(inner, "ParseBool"):
				inner = "应为 true 或 false"
			default:
				inner = "写法不对"
			}
		}
		return fmt.Sprintf("%s 的值 %q 无效：%s", m[2], m[1], inner)
	}
	if m := reNeedsArg().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项 %s 需要一个值", m[2])
	}
	if m := reUnknownFl().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("未知的选项 %s（可用选项见 --help）", m[1])
	}
	if m := reBadFlag().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项写法不对：%s", m[1])
	}
	if errors.Is(err, pflag.ErrHelp) {
		return "请求帮助"
	}
	return "选项错误：" + msg
}

var (
	reMinArgs   = lazy.Regexp(`^requires at least (\d+) arg\(s\), only received (\d+)$`)
	reMaxArgs   = lazy.Regexp(`^accepts at most (\d+) arg\(s\), received (\d+)$`)
	reExactArgs = lazy.Regexp(`^accepts (\d+) arg\(s\), received (\d+)$`)
	reRangeArgs = lazy.Regexp(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`)
	reUnknownCm = lazy.Regexp(`^unknown command "(.*)" for "(.*?)"`)
)

// cobraErrorChinese translates cobra's argument and command errors; other
// English errors are passed through after a Chinese lead.
func cobraErrorChinese(err error) string {
	msg := err.Error()
	switch {
	case reMinArgs().MatchString(msg):
		m := reMinArgs().FindStringSubmatch(msg)
		if m[2] == "0" {
			return fmt.Sprintf("缺少要检查的文件：至少需要 %s 个参数（- 表示标准输入；用法见 --help）", m[1])
		}
		return fmt.Sprintf("参数太少：至少需要 %s 个，实际 %s 个（用法见 --help）", m[1], m[2])
	case reMaxArgs().MatchString(msg):
		m := reMaxArgs().FindStringSubmatch(msg)
		return fmt.Sprintf("参数太多：最多 %s 个，实际 %s 个（用法见 --help）", m[1], m[2])
	case reExactArgs().MatchString(msg):
		m := reExactArgs().FindStringSubmatch(msg)
		return fmt.Sprintf("参数个数不对：需要 %s 个，实际 %s 个（用法见 --help）", m[1], m[2])
	case reRangeArgs().MatchString(msg):
		m := reRangeArgs().FindStringSubmatch(msg)
		return fmt.Sprintf("参数个数不对：需要 %s 到 %s 个，实际 %s 个（用法见 --help）", m[1], m[2], m[3])
	case reUnknownCm().MatchString(msg):
		m := reUnknownCm().FindStringSubmatch(msg)
		return fmt.Sprintf("%s 没有子命令 %q（可用命令见 %s --help）", m[2], m[1], m[2])
	}
	if hasHan(msg) {
		return msg
	}
	return "命令行错误：" + msg
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// errWriter remembers the first write error, so every format's failed
// write (a full disk, a closed pipe) ends with exit code 2.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

func writeErrChinese(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EPIPE):
		return "管道已关闭"
	case errors.Is(err, os.ErrPermission):
		return "没有写入权限"
	}
	return err.Error()
}

// outputFile is -o's target: written to a temporary file in the same
// folder, renamed over the target only when the command completes.
type outputFile struct {
	target string
	tmp    *os.File
	direct bool // tmp is the target itself (not a regular file)
}

// openOutput starts writing to --output, refusing a path that is one of
// the inputs.
func (app *App) openOutput(c *cobra.Command, args []string) error {
	if app.OutputFile == "" || app.OutputFile == "-" || app.output != nil {
		return nil // "-" is standard output
	}
	target := app.OutputFile
	if err := app.refuseInput(target, args); err != nil {
		return err
	}
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		return usageError("--output %s 是一个目录，请给出文件名", target)
	} else if err == nil && !fi.Mode().IsRegular() {
		// a device or pipe (/dev/stdout, a FIFO): written directly, never replaced
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return usageError("--output：无法写入 %s（%s）", target, writeErrChinese(err))
		}
		app.output = &outputFile{target: target, tmp: f, direct: true}
		app.setOut(f)
		return nil
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, ".reportlint-*.tmp")
	if err != nil {
		return usageError("--output：无法在 %s 中创建文件（%s）", dir, writeErrChinese(err))
	}
	app.output = &outputFile{target: target, tmp: tmp}
	app.setOut(tmp)
	return nil
}

// setOut sends the command's output to w, keeping write errors recorded.
func (app *App) setOut(w io.Writer) {
	if ew, ok := app.Out.(*errWriter); ok {
		ew.w = w
	} else {
		app.Out = &errWriter{w: w}
	}
	app.OutTTY = false
}

// refuseInput rejects an output path that resolves to an input file.
func (app *App) refuseInput(target string, inputs []string) error {
	tfi, err := os.Stat(target)
	if err != nil {
		return nil // a new file cannot be an input
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if fi, err := os.Stat(in); err == nil && os.SameFile(fi, tfi) {
			return usageError("--output %s 就是输入文件 %s，拒绝覆盖；请换一个文件名", target, in)
		}
	}
	return nil
}

// closeOutput renames the finished output over the target.
func (app *App) closeOutput() error {
	o := app.output
	if o == nil {
		return nil
	}
	app.output = nil
	if o.direct {
		if err := o.tmp.Close(); err != nil {
			return fmt.Errorf("写入 %s 失败：%s", o.target, writeErrChinese(err))
		}
		return nil
	}
	if ew, ok := app.Out.(*errWriter); ok && ew.err != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
		return nil // reported as a write error
	}
	err := o.tmp.Sync()
	if cerr := o.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		_ = os.Chmod(o.tmp.Name(), 0o644)
		err = os.Rename(o.tmp.Name(), o.target)
	}
	if err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("写入 %s 失败：%s", o.target, writeErrChinese(err))
	}
	return nil
}

// discardOutput removes an unfinished output file.
func (app *App) discardOutput() {
	if o := app.output; o != nil {
		app.output = nil
		o.tmp.Close()
		if !o.direct {
			os.Remove(o.tmp.Name())
		}
	}
}
