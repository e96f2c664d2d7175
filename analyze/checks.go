package analyze

// All lists every check, in the order their findings are documented.
var All = []*Check{
	PlaceholderCheck,
	FormulationCheck,
	StructureCheck,
	SuppressionCheck,
	PunctuationCheck,
	WordingCheck,
	ConsistencyCheck,
	NumberCheck,
}

// legacyGroups maps a check to the group its rules belong to until each
// rule declares its own.
var legacyGroups = map[string]Group{
	"placeholder": GroupCompleteness, "formulation": GroupFormulation, "structure": GroupStructure,
	"suppression": GroupMeta, "punctuation": GroupUsage, "wording": GroupUsage,
	"consistency": GroupConsistency, "number": GroupConsistency,
}

func init() {
	for _, c := range All {
		for _, r := range c.Rules {
			if r.Title == "" {
				r.Title = r.ID
			}
			if r.Group == "" {
				r.Group = legacyGroups[c.Name]
			}
			if r.Source == "" {
				r.Source = SourcePractice
			}
			if r.Severity == Info && !r.Heuristic {
				r.Severity = c.Severity
			}
		}
	}
}
