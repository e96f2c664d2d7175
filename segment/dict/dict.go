// Package dict embeds gse's simplified-Chinese dictionary (zh_s, s_1.txt
// from github.com/go-ego/gse v0.80.3, Apache-2.0; see NOTICE).
//
// reportlint embeds this one file itself instead of calling gse's
// LoadDictEmbed, which would link all of gse's dictionaries (~36 MB) into the
// binary. The text is kept as one string in read-only data; nothing is parsed
// at init time.
package dict

import _ "embed"

// ZhS is the content of s_1.txt: one "word frequency pos" entry per line,
// separated by single spaces, each line ending in "\n".
//
//go:embed s_1.txt
var ZhS string

// Lines is the number of lines in ZhS.
const Lines = 352279
