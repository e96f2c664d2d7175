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
