package cmd

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/analyze"
	"github.com/reportlint/reportlint/lexicon"
)

// The pipeline: every command that reads reports calls prepare (config
// found from its inputs, applied under the flags, options validated), then
// setup (lexicon, checks and analyze.Options resolved once). Nothing else
// reads the config, the lexicon files, the year or the profile.

// prepare records the inputs, loads the config, applies it under the
// command-line flags and validates the options.
func (app *App) prepare(c *cobra.Command, o *lintOptions, formats []string, inputs []string) error {
	app.inputs = inputs
	cfg, err := app.config()
	if err != nil {
		return err
	}
	if cfg != nil {
		o.applyConfig(c, cfg)
	}
	return o.validate(formats)
}

// applyConfig sets every option the command line did not set. An --enable
// on the command line overrides the config's disable and rules: off for
// those ids.
func (o *lintOptions) applyConfig(c *cobra.Command, cfg *Config) {
	fl := c.Flags()
	set := func(name string) bool { return fl.Lookup(name) != nil && !fl.Changed(name) }
	if cfg.Profile != "" && set("profile") {
		o.Profile = cfg.Profile
		o.profileLine = cfg.lines["profile"]
		o.profileFrom = cfg.Path
	}
	if cfg.Year != 0 && set("year") {
		o.Year = cfg.Year
	}
	if cfg.Enable != nil && set("enable") {
		o.Enable = cfg.Enable
	}
	cliEnabled := func(id string) bool { return fl.Changed("enable") && contains(o.Enable, id) }
	if cfg.Disable != nil && set("disable") {
		o.Disable = nil
		for _, d := range cfg.Disable {
			if !cliEnabled(d) {
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
	if len(cfg.settings) > 0 {
		o.Settings = map[string]analyze.Setting{}
		for k, s := range cfg.settings {
			if s.Off && cliEnabled(k) {
				continue
			}
			o.Settings[k] = s
		}
	}
}

// lexiconFiles lists the config's lexicons, then --lexicon files, each file
// once (by its resolved path), so naming a file in both is harmless.
func (app *App) lexiconFiles() ([]string, error) {
	cfg, err := app.config()
	if err != nil {
		return nil, err
	}
	var all []string
	if cfg != nil {
		all = append(all, cfg.LexiconPaths()...)
	}
	all = append(all, app.LexiconFiles...)
	seen := map[string]bool{}
	var out []string
	for _, f := range all {
		key := f
		if abs, err := filepath.Abs(f); err == nil {
			key = abs
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				key = real
			}
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, f)
		}
	}
	return out, nil
}

// lexicon returns the built-in lexicon merged with the config's and the
// command line's lexicon files, loaded once.
func (app *App) lexicon() (*lexicon.Lexicon, error) {
	app.lexOnce.Do(func() {
		files, err := app.lexiconFiles()
		if err != nil {
			app.lexErr = err
			return
		}
		app.lex, app.lexErr = lexicon.Load(files...)
		if app.lexErr != nil {
			app.lexErr = &exitError{ExitInput, "词库错误：" + app.lexErr.Error()}
		}
	})
	return app.lex, app.lexErr
}

// selected resolves --enable/--disable (check names or rule ids) against
// base: the checks to run and the per-rule settings. Enabling only some
// rules of a check runs the check with its other rules off.
func (o *lintOptions) selected(base []*analyze.Check) ([]*analyze.Check, map[string]analyze.Setting) {
	settings := map[string]analyze.Setting{}
	for k, v := range o.Settings {
		settings[k] = v
	}
	r := registry()
	var out []*analyze.Check
	for _, c := range base {
		if contains(o.Disable, c.Name) {
			continue
		}
		if len(o.Enable) > 0 && !contains(o.Enable, c.Name) {
			var on []string
			for _, rule := range c.Rules {
				if contains(o.Enable, rule.ID) {
					on = append(on, rule.ID)
				}
			}
			if len(on) == 0 {
				continue
			}
			for _, rule := range c.Rules {
				if !contains(on, rule.ID) {
					settings[rule.ID] = analyze.Setting{Off: true}
				}
			}
		}
		out = append(out, c)
	}
	for _, id := range o.Disable {
		if r.Rule(id) != nil {
			settings[id] = analyze.Setting{Off: true}
		}
	}
	for _, id := range o.Enable {
		if s, ok := settings[id]; ok && s.Off && r.Rule(id) != nil {
			delete(settings, id)
		}
	}
	return out, settings
}

// setup loads the lexicon and builds the analyze options for base.
func (app *App) setup(o *lintOptions, base []*analyze.Check) (*lexicon.Lexicon, analyze.Options, error) {
	lex, err := app.lexicon()
	if err != nil {
		return nil, analyze.Options{}, err
	}
	checks, settings := o.selected(base)
	min, _ := analyze.ParseSeverity(o.MinSeverity)
	opt := analyze.Options{Checks: checks, All: allChecks(), MinSeverity: min, Year: o.Year, Profile: o.Profile, Settings: settings}
	if opt.Checks == nil {
		opt.Checks = []*analyze.Check{} // nil would mean all checks
	}
	if o.Profile != "" {
		var ids []string
		found := false
		for _, p := range lex.Profiles {
			ids = append(ids, p.ID)
			found = found || p.ID == o.Profile
		}
		if !found {
			msg := "未知的报告类型 %q（可选：%s）"
			if o.profileFrom != "" {
				return nil, opt, configError(o.profileFrom, o.profileLine, msg, o.Profile, strings.Join(ids, "、"))
			}
			return nil, opt, usageError(msg, o.Profile, strings.Join(ids, "、"))
		}
	}
	return lex, opt, nil
}

// hideInternal replaces the text of a check's internal error (a recovered
// panic, reported by the driver as <check>.internal) with a Chinese message;
// the original text is kept only with --debug.
func (app *App) hideInternal(r *analyze.Result) {
	if app.Debug || r == nil {
		return
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Rule == f.Check+".internal" {
			f.Message = "检查 " + f.Check + " 内部错误，此检查的结果不完整。请把所用命令和（去除敏感内容后的）输入文件报告给维护者；加 --debug 可显示详情"
		}
	}
}
