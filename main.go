// Command reportlint reviews Chinese official reports offline.
package main

import (
	"os"

	"github.com/reportlint/reportlint/cmd"
)

func main() { os.Exit(cmd.Execute()) }
