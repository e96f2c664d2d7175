package cmd

import (
	"errors"
	"fmt"
	"github.com/reportlint/reportlint/internal/safefile"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/internal/lazy"
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
	Rules       map[string]string `yaml:"rules"`    // check or rule id → off|error|warning|info
	Ignore      []string          `yaml:"ignore"`   // glob patterns of paths audit skips
	FailOn      string            `yaml:"fail_on"`
	MinSeverity string            `yaml:"min_severity"`
	Audit       AuditConfig       `yaml:"audit"` // copy detection thresholds (audit only)

	Path string `yaml:"-"` // as shown in messages
	File string `yaml:"-"` // absolute path
	Dir  string `yaml:"-"` // absolute folder of the file

	lines    map[string]int // "key", "key[i]" or "key.sub" → line
	settings map[string]analyze.Setting
}

var configKeys = []string{"profile", "year", "lexicons", "enable", "disable", "rules", "severity", "ignore", "fail_on", "min_severity", "audit"}

// AuditConfig holds audit's copy-detection thresholds; nil means the flag's
// default. The flags of the same name override them.
type AuditConfig struct {
	RingOverlap      *float64 `yaml:"ring_overlap"`       // percent
	MinUnrelated     *int     `yaml:"min_unrelated"`      // reports
	MaxTemplateShare *float64 `yaml:"max_template_share"` // percent
	PostingCap       *int     `yaml:"posting_cap"`        // reports
}

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
// .reportlint.yaml in the inputs' folders (or the working folder) or their
// nearest parent. nil when there is none or --no-config is given.
func (app *App) config() (*Config, error) {
	app.cfgOnce.Do(func() { app.cfg, app.cfgErr = app.loadConfig() })
	return app.cfg, app.cfgErr
}

// findConfig returns the nearest .reportlint.yaml at or above dir, or "".
func findConfig(dir string) string {
	for {
		p := filepath.Join(dir, ConfigName)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// configStarts returns the folders config lookup starts from: each input's
// folder (a folder argument itself), or the working folder.
func (app *App) configStarts(wd string) []string {
	var out []string
	for _, a := range app.inputs {
		if a == "-" || a == "" {
			out = append(out, wd)
			continue
		}
		p := a
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			p = filepath.Dir(p)
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		out = append(out, wd)
	}
	return out
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
		found := map[string]string{} // config → first input governed by it
		var order []string
		starts := app.configStarts(wd)
		for i, dir := range starts {
			p := findConfig(dir)
			if _, ok := found[p]; !ok {
				order = append(order, p)
				in := "标准输入"
				if i < len(app.inputs) {
					in = app.inputs[i]
				}
				found[p] = in
			}
		}
		if len(order) > 1 {
			var parts []string
			for _, p := range order {
				name := "（无配置文件）"
				if p != "" {
					name = relTo(wd, p)
				}
				parts = append(parts, fmt.Sprintf("%s 适用 %s", found[p], name))
			}
			return nil, usageError("输入文件分属不同的配置文件：%s。请分别运行，或用 --config 指定一个配置文件", strings.Join(parts, "；"))
		}
		file = order[0]
		if file == "" {
			return nil, nil
		}
	}
	shown := app.ConfigFile
	if shown == "" {
		shown = relTo(wd, file)
	}
	data, err := safefile.ReadRegular(file, maxConfigSize)
	if err != nil {
		switch {
		case errors.Is(err, os.ErrNotExist), errors.Is(err, safefile.ErrNotExist):
			return nil, configError(shown, 0, "配置文件不存在")
		case errors.Is(err, os.ErrPermission), errors.Is(err, safefile.ErrPermission):
			return nil, configError(shown, 0, "没有读取权限")
		}
		return nil, configError(shown, 0, "无法读取：%v", err)
	}
	cfg, err := parseConfig(shown, data)
	if err != nil {
		return nil, err
	}
	cfg.Dir = filepath.Dir(file)
	cfg.File = file
	return cfg, nil
}

// maxConfigSize bounds a config file (they are a few hundred bytes).
const maxConfigSize = 1 << 20

func relTo(wd, p string) string {
	if rel, err := filepath.Rel(wd, p); err == nil {
		return rel
	}
	return p
}

// parseConfig decodes and validates a config file strictly.
func parseConfig(name string, data []byte) (*Config, error) {
	cfg := &Config{Path: name, lines: map[string]int{}}
	f, err := lexicon.ParseYAML(data) // size and nesting capped before parsing
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

var reUnknownField = lazy.Regexp(`unknown field "(.*)"`)

// configYAMLError turns a go-yaml error into 文件:行: 说明, naming the
// valid keys when a key is unknown.
func configYAMLError(name string, err error) error {
	e := lexicon.YAMLError(name, err)
	var uf *yaml.UnknownFieldError
	if errors.As(err, &uf) {
		key := ""
		if m := reUnknownField().FindStringSubmatch(uf.Message); m != nil {
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
			if !registry().Known(n) {
				return configError(c.Path, c.lines[fmt.Sprintf("%s[%d]", key, i)], "%s", unknownIDError(key, n))
			}
		}
	}
	c.settings = map[string]analyze.Setting{}
	for _, key := range []string{"severity", "rules"} {
		m := c.Severity
		if key == "rules" {
			m = c.Rules
		}
		for _, k := range sortedKeys(m) {
			line := c.lines[key+"."+k]
			if !registry().Known(k) {
				return configError(c.Path, line, "%s", unknownIDError(key, k))
			}
			v := strings.ToLower(strings.TrimSpace(m[k]))
			if key == "rules" && (v == "off" || v == "关闭" || v == "false") {
				c.settings[k] = analyze.Setting{Off: true}
				continue
			}
			s, err := analyze.ParseSeverity(v)
			if err != nil {
				hint := ""
				if key == "rules" {
					hint = "，或 off 关闭"
				}
				return configError(c.Path, line, "%s.%s：%v%s", key, k, err, hint)
			}
			c.settings[k] = analyze.Setting{Severity: &s}
		}
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
