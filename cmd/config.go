package cmd

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	builtin "github.com/reportlint/reportlint/analyze/checks"
	"github.com/reportlint/reportlint/lexicon"
)

// ConfigName is the file looked up in the current folder and its parents.
const ConfigName = ".reportlint.yaml"

// Config is a .reportlint.yaml file. Command-line flags override its values.
type Config struct {
	Profile     string            `yaml:"profile"`
	Year        int               `yaml:"year"`
	Lexicons    []string          `yaml:"lexicons"` // relative to the config file's folder
	Enable      []string          `yaml:"enable"`
	Disable     []string          `yaml:"disable"`
	Severity    map[string]string `yaml:"severity"` // check or rule id → error|warning|info
	Ignore      []string          `yaml:"ignore"`   // glob patterns of paths audit skips
	FailOn      string            `yaml:"fail_on"`
	MinSeverity string            `yaml:"min_severity"`

	Path string `yaml:"-"` // as shown in messages
	Dir  string `yaml:"-"` // absolute folder of the file

	lines    map[string]int // "key", "key[i]" or "key.sub" → line
	severity map[string]analyze.Severity
}

var configKeys = []string{"profile", "year", "lexicons", "enable", "disable", "severity", "ignore", "fail_on", "min_severity"}

// configError is a problem in a config file: exit code 2, printed as 文件:行: 说明.
func configError(file string, line int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		return &exitError{ExitInput, fmt.Sprintf("%s:%d: %s", file, line, msg)}
	}
	return &exitError{ExitInput, fmt.Sprintf("%s: %s", file, msg)}
}

// workDir is the folder config lookup starts from.
func (app *App) workDir() (string, error) {
	if app.Dir != "" {
		return filepath.Abs(app.Dir)
	}
	return os.Getwd()
}

// config finds, reads and validates the config file once: --config, else
// .reportlint.yaml in the working folder or the nearest parent. nil when
// there is none or --no-config is given.
func (app *App) config() (*Config, error) {
	app.cfgOnce.Do(func() { app.cfg, app.cfgErr = app.loadConfig() })
	return app.cfg, app.cfgErr
}

func (app *App) loadConfig() (*Config, error) {
	if app.NoConfig {
		return nil, nil
	}
	wd, err := app.workDir()
	if err != nil {
		return nil, inputError(err)
	}
	file := app.ConfigFile
	if file != "" {
		if !filepath.IsAbs(file) {
			file = filepath.Join(wd, file)
		}
	} else {
		for dir := wd; ; {
			p := filepath.Join(dir, ConfigName)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				file = p
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				return nil, nil
			}
			dir = parent
		}
	}
	shown := app.ConfigFile
	if shown == "" {
		shown = file
		if rel, err := filepath.Rel(wd, file); err == nil {
			shown = rel
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, configError(shown, 0, "配置文件不存在")
		case errors.Is(err, os.ErrPermission):
			return nil, configError(shown, 0, "没有读取权限")
		}
		return nil, configError(shown, 0, "无法读取：%v", err)
	}
	cfg, err := parseConfig(shown, data)
	if err != nil {
		return nil, err
	}
	cfg.Dir = filepath.Dir(file)
	return cfg, nil
}

// parseConfig decodes and validates a config file strictly.
func parseConfig(name string, data []byte) (*Config, error) {
	cfg := &Config{Path: name, lines: map[string]int{}}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, configYAMLError(name, err)
	}
	if len(f.Docs) > 1 {
		return nil, configError(name, docLine(f.Docs[1]), "配置文件只能有一个 YAML 文档")
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return cfg, nil
	}
	body := f.Docs[0].Body
	switch b := unwrapNode(body).(type) {
	case *ast.NullNode, *ast.CommentNode:
		return cfg, nil
	case *ast.MappingNode, *ast.MappingValueNode:
		recordLines(cfg.lines, b)
	default:
		return nil, configError(name, nodeLine(body), "配置文件应为“键: 值”的映射（可用的键：%s）", strings.Join(configKeys, "、"))
	}
	if err := lexicon.DecodeStrict(body, cfg); err != nil {
		return nil, configYAMLError(name, err)
	}
	return cfg, cfg.validate()
}

func unwrapNode(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.CommentGroupNode:
			return v
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

func nodeLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

func docLine(d *ast.DocumentNode) int {
	if d == nil {
		return 0
	}
	if d.Start != nil && d.Start.Position != nil {
		return d.Start.Position.Line
	}
	return nodeLine(d.Body)
}

// recordLines maps top-level keys, list items and map keys to lines.
func recordLines(lines map[string]int, n ast.Node) {
	var pairs []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	}
	for _, p := range pairs {
		key := p.Key.String()
		lines[key] = nodeLine(p.Key)
		switch v := unwrapNode(p.Value).(type) {
		case *ast.SequenceNode:
			for i, e := range v.Values {
				lines[fmt.Sprintf("%s[%d]", key, i)] = nodeLine(e)
			}
		case *ast.MappingNode:
			for _, sp := range v.Values {
				lines[key+"."+sp.Key.String()] = nodeLine(sp.Key)
			}
		case *ast.MappingValueNode:
			lines[key+"."+v.Key.String()] = nodeLine(v.Key)
		}
	}
}

var reUnknownField = regexp.MustCompile(`unknown field "(.*)"`)

// configYAMLError turns a go-yaml error into 文件:行: 说明, naming the
// valid keys when a key is unknown.
func configYAMLError(name string, err error) error {
	e := lexicon.YAMLError(name, err)
	var uf *yaml.UnknownFieldError
	if errors.As(err, &uf) {
		key := ""
		if m := reUnknownField.FindStringSubmatch(uf.Message); m != nil {
			key = m[1]
		}
		return configError(name, e.Line, "未知的配置项 %q（可用：%s）", key, strings.Join(configKeys, "、"))
	}
	return configError(name, e.Line, "%s", e.Msg)
}

// validate checks every value except profile (which needs the lexicon).
func (c *Config) validate() error {
	if c.Year != 0 && (c.Year < 1949 || c.Year > 2100) {
		return configError(c.Path, c.lines["year"], "year %d 不是有效的年份", c.Year)
	}
	for _, key := range []string{"enable", "disable"} {
		list := c.Enable
		if key == "disable" {
			list = c.Disable
		}
		for i, n := range list {
			if builtin.Lookup(n) == nil {
				return configError(c.Path, c.lines[fmt.Sprintf("%s[%d]", key, i)], "%s：未知的检查 %q（可选：%s）", key, n, strings.Join(builtin.Names(), "、"))
			}
		}
	}
	c.severity = map[string]analyze.Severity{}
	for _, k := range sortedKeys(c.Severity) {
		line := c.lines["severity."+k]
		if !builtin.Known(k) {
			return configError(c.Path, line, "severity：未知的检查或规则 %q（检查名见 reportlint check --help，规则名形如 placeholder.number）", k)
		}
		s, err := analyze.ParseSeverity(c.Severity[k])
		if err != nil {
			return configError(c.Path, line, "severity.%s：%v", k, err)
		}
		c.severity[k] = s
	}
	if c.FailOn != "" && c.FailOn != "never" {
		if _, err := analyze.ParseSeverity(c.FailOn); err != nil {
			return configError(c.Path, c.lines["fail_on"], "fail_on：%v（或 never）", err)
		}
	}
	if c.MinSeverity != "" {
		if _, err := analyze.ParseSeverity(c.MinSeverity); err != nil {
			return configError(c.Path, c.lines["min_severity"], "min_severity：%v", err)
		}
	}
	for i, p := range c.Ignore {
		if strings.TrimSpace(p) == "" {
			return configError(c.Path, c.lines[fmt.Sprintf("ignore[%d]", i)], "ignore：空的模式")
		}
		if _, err := path.Match(strings.ReplaceAll(p, "**", "*"), ""); err != nil {
			return configError(c.Path, c.lines[fmt.Sprintf("ignore[%d]", i)], "ignore：模式 %q 写法有误（%v）", p, err)
		}
	}
	for i, l := range c.Lexicons {
		if strings.TrimSpace(l) == "" {
			return configError(c.Path, c.lines[fmt.Sprintf("lexicons[%d]", i)], "lexicons：空的文件名")
		}
	}
	return nil
}

// LexiconPaths returns the lexicon files resolved against the config's folder.
func (c *Config) LexiconPaths() []string {
	out := make([]string, len(c.Lexicons))
	for i, l := range c.Lexicons {
		if filepath.IsAbs(l) {
			out[i] = l
		} else {
			out[i] = filepath.Join(c.Dir, filepath.FromSlash(l))
		}
	}
	return out
}

// Ignored reports whether an absolute path matches an ignore pattern. A
// pattern without "/" matches any file or folder name (草稿*, *.bak); one
// with "/" matches the path relative to the config file's folder, where **
// stands for any number of folders (归档/**/旧稿*.docx). A matching folder
// ignores everything beneath it.
func (c *Config) Ignored(abs string) bool {
	if c == nil || len(c.Ignore) == 0 {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == "." || strings.HasPrefix(rel, "../") {
		// outside the config's folder: only name patterns apply
		rel = filepath.ToSlash(abs)
	}
	segs := strings.Split(strings.Trim(rel, "/"), "/")
	for _, p := range c.Ignore {
		if matchIgnore(p, segs) {
			return true
		}
	}
	return false
}

func matchIgnore(pattern string, segs []string) bool {
	pattern = strings.TrimSuffix(pattern, "/")
	if !strings.Contains(pattern, "/") {
		for _, s := range segs {
			if ok, _ := path.Match(pattern, s); ok {
				return true
			}
		}
		return false
	}
	return matchSegs(strings.Split(strings.TrimPrefix(pattern, "/"), "/"), segs)
}

// matchSegs matches pattern segments against a prefix of the path segments.
func matchSegs(pat, segs []string) bool {
	if len(pat) == 0 {
		return true // a folder matched: everything beneath is ignored
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchSegs(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	if ok, _ := path.Match(pat[0], segs[0]); !ok {
		return false
	}
	return matchSegs(pat[1:], segs[1:])
}

// ignored reports whether audit should skip path (relative to the working
// folder or absolute) according to the config's ignore patterns.
func (app *App) ignored(p string) bool {
	cfg, err := app.config()
	if err != nil || cfg == nil {
		return false
	}
	if !filepath.IsAbs(p) {
		wd, err := app.workDir()
		if err != nil {
			return false
		}
		p = filepath.Join(wd, p)
	}
	return cfg.Ignored(p)
}

// prepare loads the config, applies it under the command-line flags and
// validates the options. Every check-like command calls it first.
func (app *App) prepare(c *cobra.Command, o *lintOptions, formats []string) error {
	cfg, err := app.config()
	if err != nil {
		return err
	}
	if cfg != nil {
		if err := o.applyConfig(c, app, cfg); err != nil {
			return err
		}
	}
	return o.validate(formats)
}

// applyConfig sets every option the command line did not set. Lexicon files
// are added to --lexicon ones; an --enable on the command line overrides the
// config's disable for those checks.
func (o *lintOptions) applyConfig(c *cobra.Command, app *App, cfg *Config) error {
	fl := c.Flags()
	set := func(name string) bool { return fl.Lookup(name) != nil && !fl.Changed(name) }
	if cfg.Profile != "" && set("profile") {
		lex, err := lexiconProfiles()
		if err == nil && !contains(lex, cfg.Profile) && len(app.LexiconFiles)+len(cfg.Lexicons) == 0 {
			return configError(cfg.Path, cfg.lines["profile"], "未知的报告类型 %q（可选：%s）", cfg.Profile, strings.Join(lex, "、"))
		}
		o.Profile = cfg.Profile
	}
	if cfg.Year != 0 && set("year") {
		o.Year = cfg.Year
	}
	if cfg.Enable != nil && set("enable") {
		o.Enable = cfg.Enable
	}
	if cfg.Disable != nil && set("disable") {
		o.Disable = nil
		for _, d := range cfg.Disable {
			if !fl.Changed("enable") || !contains(o.Enable, d) {
				o.Disable = append(o.Disable, d)
			}
		}
	}
	if cfg.FailOn != "" && set("fail-on") {
		o.FailOn = cfg.FailOn
	}
	if cfg.MinSeverity != "" && set("min-severity") {
		o.MinSeverity = cfg.MinSeverity
	}
	if len(cfg.severity) > 0 {
		o.Severity = cfg.severity
	}
	if len(cfg.Lexicons) > 0 && !app.cfgLexApplied {
		app.LexiconFiles = append(cfg.LexiconPaths(), app.LexiconFiles...)
		app.cfgLexApplied = true
	}
	return nil
}

// lexiconProfiles lists the built-in profile ids.
func lexiconProfiles() ([]string, error) {
	ids := profileIDs()
	if len(ids) == 0 {
		return nil, errors.New("no profiles")
	}
	return ids, nil
}
